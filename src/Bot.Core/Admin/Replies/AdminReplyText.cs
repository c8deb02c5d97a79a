using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bot.Core.Delivery;

namespace Bot.Core.Admin.Replies;

/// <summary>
/// The wording of every reply in a chat, written once for Telegram and Discord alike. Values are inserted as
/// plain text; the chat's formatter escapes them.
/// </summary>
public static class AdminReplyText
{
    public const string Refusal = "Sorry, this bot only takes commands from its admins.";

    private const int TitleShown = 80;
    private const int ReasonShown = 60;
    private const int BodyShown = 3500;

    private static readonly JsonSerializerOptions PreviewJson = new()
    {
        WriteIndented = true,
        // Shown inside a code block, escaped by the chat: Arabic stays readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static AdminText Of(AdminReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = new AdminTextBuilder();
        switch (reply)
        {
            case AdminReply.Help help:
                text.Bold("Commands");
                foreach (var command in help.Commands)
                {
                    text.Line().Plain($"/{command.Name} — {command.Description}");
                }

                break;
            case AdminReply.Status { StoreUp: false }:
                text.Bold("Status").Line().Plain("store: not answering, so nothing can be counted; try again shortly");
                break;
            case AdminReply.Status status:
                Status(text, status);
                break;
            case AdminReply.ArticleList { Articles.Count: 0 }:
                text.Plain("No articles yet.");
                break;
            case AdminReply.ArticleList list:
                text.Bold("Recent articles");
                foreach (var article in list.Articles)
                {
                    text.Line().Code(article.Key).Plain($" v{Number(article.Version)} — {Shorten(article.Title, TitleShown)}");
                }

                break;
            case AdminReply.ArticleDetail detail:
                text.Code(detail.Article.Key).Plain($" v{Number(detail.Article.Version)} — {Shorten(detail.Article.Title, TitleShown)}{(detail.Article.Retracted ? " (retracted)" : "")}");
                Deliveries(text, detail.Deliveries);
                break;
            case AdminReply.DeliveryList { Deliveries.Count: 0 }:
                text.Plain("No deliveries.");
                break;
            case AdminReply.DeliveryList list:
                text.Bold("Deliveries");
                Deliveries(text, list.Deliveries);
                break;
            case AdminReply.DestinationList { Destinations.Count: 0 }:
                text.Plain("No destinations configured.");
                break;
            case AdminReply.DestinationList list:
                text.Bold("Destinations");
                foreach (var d in list.Destinations)
                {
                    text.Line().Plain($"{d.Name} ({d.Channel}) — {State(d)}{(d.Configured ? "" : " (no longer configured)")}");
                }

                break;
            case AdminReply.DestinationChanged { Destination: var d }:
                text.Plain(d.Paused ? $"{d.Name} paused: its deliveries are held." : $"{d.Name} resumed: held deliveries go out in order.");
                break;
            case AdminReply.Requeued r:
                text.Plain($"{Number(r.Count)} dead deliver{(r.Count == 1 ? "y" : "ies")} queued again.");
                break;
            case AdminReply.Republished p:
                text.Plain("Publishing ").Code(p.Key).Plain($" v{Number(p.Version)} again: {Number(p.Deliveries)} new deliver{(p.Deliveries == 1 ? "y" : "ies")} to {Number(p.Destinations)} destination{(p.Destinations == 1 ? "" : "s")}.");
                break;
            case AdminReply.RepublishedMomentsAgo m:
                text.Code(m.Key).Plain($" was published again {Number((int)m.Ago.TotalSeconds)} s ago; nothing new queued. Send /publish again after a minute to announce it once more.");
                break;
            case AdminReply.NothingToPublish { ArticleRetracted: true } n:
                text.Code(n.Key).Plain(" is retracted; it is not published again.");
                break;
            case AdminReply.NothingToPublish n:
                text.Plain("No enabled destination takes ").Code(n.Key).Plain(". See /destinations.");
                break;
            case AdminReply.Retracted r:
                text.Code(r.Version.Key).Plain($" retracted as version {Number(r.Version.Version)}: its sent messages are deleted.");
                break;
            case AdminReply.AlreadyRetracted a:
                text.Code(a.Key).Plain($" is already retracted (version {Number(a.Version)}).");
                break;
            case AdminReply.Preview p:
                text.Bold(p.Channel).Plain($" via {p.Destination}\n").Block(Shorten(JsonSerializer.Serialize(p.Message, p.Message.GetType(), PreviewJson), BodyShown));
                break;
            case AdminReply.Subscribers { Lists.Count: 0, Chats: null }:
                text.Plain("No email lists and no subscribers.");
                break;
            case AdminReply.Subscribers s:
                text.Bold("Subscribers");
                foreach (var list in s.Lists)
                {
                    text.Line().Bold(list.Name).Plain($": {Number(list.Active)} active, {Number(list.Pending)} pending, {Number(list.Bounced)} bounced, {Number(list.Unsubscribed)} unsubscribed");
                }

                if (s.Chats is { } chats)
                {
                    text.Line().Bold("Telegram private chats").Plain($": {Number(chats.Active)} active, {Number(chats.Unsubscribed)} unsubscribed, {Number(chats.Blocked)} blocked");
                }

                break;
            case AdminReply.NotFound { Subject: AdminSubject.Destination } n:
                text.Plain($"No destination {n.Key}. See /destinations.");
                break;
            case AdminReply.NotFound n:
                text.Plain($"No article {n.Key}. See /articles.");
                break;
            case AdminReply.UnknownChannel u:
                text.Plain($"Unknown channel {u.Channel}: telegram, discord or email.");
                break;
            case AdminReply.Usage u:
                text.Plain(u.Text);
                break;
            case AdminReply.UnknownCommand u:
                text.Plain($"Unknown command /{u.Command}. Try /help.");
                break;
            case AdminReply.Refused:
                text.Plain(Refusal);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "not an admin reply");
        }

        return text.Build();
    }

    private static void Status(AdminTextBuilder text, AdminReply.Status status)
    {
        text.Bold("Status");
        foreach (var state in new[] { DeliveryStatus.Queued, DeliveryStatus.Failed, DeliveryStatus.Held, DeliveryStatus.Dead })
        {
            text.Line().Plain($"{DeliveryNames.Of(state)}: {Number(status.Counts.Where(c => c.Status == state).Sum(c => c.Count))}");
        }

        var destinations = status.Destinations;
        text.Line().Plain($"destinations: {Number(destinations.Count)}, paused {Number(destinations.Count(d => d.Paused))}, disabled {Number(destinations.Count(d => d.Disabled))}");
    }

    private static void Deliveries(AdminTextBuilder text, IReadOnlyList<DeliveryRecord> rows)
    {
        foreach (var r in rows)
        {
            text.Line().Plain($"{Number(r.Id)} {DeliveryNames.Of(r.Status)} {DeliveryNames.Of(r.Kind)} ").Code(r.ArticleKey)
                .Plain($" v{Number(r.ArticleVersion)} → {r.Destination}{(r.Recipient.Length == 0 ? "" : " " + r.Recipient)}{(r.LastError is { Length: > 0 } e ? ": " + Shorten(e, ReasonShown) : "")}");
        }
    }

    private static string State(AdminDestination d) => d switch
    {
        { Disabled: true } => "disabled: " + Shorten(d.DisabledReason ?? string.Empty, ReasonShown),
        { Paused: true } => "paused",
        _ => "active",
    };

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
