using System.Globalization;
using System.Text;
using Bot.Core.Admin.Replies;
using Bot.Core.Articles;
using Bot.Core.Delivery;

namespace Bot.Host.Cli.Admin;

/// <summary>
/// The command line's formatter of the admin command set: plain lines for a terminal and for scripts, columns
/// separated by two spaces with the free text last; a reply that says the admin asked for something that is not
/// there is a one-line error. Replies no verb asks for read as the chats' wording without its styles.
/// </summary>
public static class CliAdminReplyFormatter
{
    public static CliAnswer Format(AdminReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = new StringBuilder();
        switch (reply)
        {
            case AdminReply.Retracted { Version: var r }:
                Line(text, $"{r.Key}  {Number(r.Version)}  retracted  {r.Title}");
                break;
            case AdminReply.AlreadyRetracted a:
                return CliAnswer.Failed($"{a.Key} is already retracted (version {Number(a.Version)})");
            case AdminReply.Requeued { DeliveryId: { } id, Count: 0 }:
                return CliAnswer.Failed($"delivery {Number(id)} is not dead (or does not exist)");
            case AdminReply.Requeued r:
                Line(text, r.Count == 1 ? "1 delivery queued again" : $"{Number(r.Count)} deliveries queued again");
                break;
            case AdminReply.ArticleList list:
                Articles(text, list.Articles);
                break;
            case AdminReply.ArticleDetail detail:
                Article(text, detail.Article);
                Deliveries(text, detail.Deliveries);
                break;
            case AdminReply.DeliveryList list:
                Deliveries(text, list.Deliveries);
                break;
            case AdminReply.NotFound { Subject: AdminSubject.Destination } n:
                return CliAnswer.Failed($"no such destination: {n.Key}");
            case AdminReply.NotFound { Version: { } version } n:
                return CliAnswer.Failed($"no such article version: {n.Key} version {Number(version)}");
            case AdminReply.NotFound n:
                return CliAnswer.Failed($"no such article: {n.Key}");
            case AdminReply.UnknownChannel u:
                return CliAnswer.Failed($"unknown channel '{u.Channel}': telegram, discord or email");
            case AdminReply.Usage u:
                return CliAnswer.Failed(u.Text);
            case AdminReply.UnknownCommand u:
                return CliAnswer.Failed($"'{u.Command}' is not available here");
            case AdminReply.Refused:
                return CliAnswer.Failed("not an admin of this bot");
            default:
                Line(text, AdminReplyText.Of(reply).ToString());
                break;
        }

        return new CliAnswer(text.ToString());
    }

    /// <summary>
    /// One line per article, the free-text title last. The first column is the id every other verb takes: a feed's
    /// items carry their feed's prefix (<c>@FEED/KEY</c>).
    /// </summary>
    private static void Articles(StringBuilder text, IReadOnlyList<Article> articles)
    {
        if (articles.Count == 0)
        {
            Line(text, "no articles");
            return;
        }

        var keyWidth = Math.Max(3, articles.Max(a => a.Key.Length));
        var versionWidth = Math.Max(7, articles.Max(a => Number(a.Version).Length));
        Line(text, $"{"ID".PadRight(keyWidth)}  {"VERSION".PadRight(versionWidth)}  {"PUBLISHED",-16}  LANG  TITLE");
        foreach (var a in articles)
        {
            Line(text, string.Create(
                CultureInfo.InvariantCulture,
                $"{a.Key.PadRight(keyWidth)}  {Number(a.Version).PadRight(versionWidth)}  {Published(a),-16}  {a.Language,-4}  {a.Title}"));
        }
    }

    /// <summary>Every field, then the paragraphs as written, each followed by a blank line.</summary>
    private static void Article(StringBuilder text, Article a)
    {
        void Field(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                Line(text, $"{name + ":",-11}{value}");
            }
        }

        Field("id", a.Key);
        Field("origin", a.Origin.FeedName is { } feed ? "feed " + feed : "newsroom");
        Field("version", Number(a.Version));
        Field("title", a.Title);
        Field("summary", a.Summary);
        Field("url", a.Url);
        Field("image", a.Image);
        Field("source", a.Source);
        Field("author", a.Author);
        Field("tags", string.Join(", ", a.Tags));
        Field("category", a.Category);
        Field("language", a.Language);
        Field("direction", a.Direction.ToString().ToLowerInvariant());
        Field("published", Published(a));
        Field("received", Stamp(a.Received));
        Field("retracted", a.Retracted ? "yes" : null);
        Line(text, string.Empty);
        foreach (var paragraph in a.Paragraphs)
        {
            Line(text, paragraph);
            Line(text, string.Empty);
        }
    }

    /// <summary>One line per delivery, the free-text error last.</summary>
    private static void Deliveries(StringBuilder text, IReadOnlyList<DeliveryRecord> rows)
    {
        if (rows.Count == 0)
        {
            Line(text, "no deliveries");
            return;
        }

        string[] header = ["ID", "STATUS", "KIND", "ARTICLE", "V", "DESTINATION", "RECIPIENT", "TRIES", "WHEN", "ERROR"];
        var lines = rows.Select(r => new[]
        {
            Number(r.Id),
            DeliveryNames.Of(r.Status),
            DeliveryNames.Of(r.Kind),
            r.ArticleKey,
            Number(r.ArticleVersion),
            r.Destination,
            r.Recipient.Length == 0 ? "-" : r.Recipient,
            Number(r.Attempts),
            When(r),
            r.LastError ?? "",
        }).ToList();
        var widths = Enumerable.Range(0, header.Length - 1).Select(i => Math.Max(header[i].Length, lines.Max(l => l[i].Length))).ToList();
        Line(text, Columns(header, widths));
        foreach (var line in lines)
        {
            Line(text, Columns(line, widths));
        }
    }

    private static string Columns(string[] cells, List<int> widths) =>
        string.Join("  ", cells.Take(widths.Count).Select((c, i) => c.PadRight(widths[i]))) + "  " + cells[^1].ReplaceLineEndings(" ");

    private static string When(DeliveryRecord r) => r.Status switch
    {
        DeliveryStatus.Sent => "sent " + Stamp(r.SentAt ?? r.UpdatedAt),
        DeliveryStatus.Queued or DeliveryStatus.Failed => "next " + Stamp(r.NextAttemptAt ?? r.UpdatedAt),
        _ => Stamp(r.UpdatedAt),
    };

    private static string Published(Article a) =>
        a.Published?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
