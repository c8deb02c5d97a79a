using System.Globalization;
using System.Text;
using Bot.Core.Channels;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Subscriptions;
using static Bot.Channels.Telegram.TelegramHtmlReply;

namespace Bot.Channels.Telegram;

/// <summary>
/// <c>/subscribers</c>: per email list, how many addresses are active, pending, bounced and unsubscribed; then how
/// many private chats follow the bot, stopped or blocked it.
/// </summary>
public sealed class TelegramSubscribersCommand(ISubscriberCounter counter, DestinationCatalog catalog, ITelegramSubscriberStore? chats = null)
{
    private static readonly TelegramSubscriberStatus[] ChatStates =
        [TelegramSubscriberStatus.Active, TelegramSubscriberStatus.Unsubscribed, TelegramSubscriberStatus.Blocked];

    private static readonly SubscriberStatus[] States =
        [SubscriberStatus.Active, SubscriberStatus.Pending, SubscriberStatus.Bounced, SubscriberStatus.Unsubscribed];

    public async Task<(TelegramMessage Reply, string Detail)> ExecuteAsync(CancellationToken cancellationToken)
    {
        var counts = await counter.CountAsync(cancellationToken);
        // Configured lists first, in configuration order, even when empty; then lists only the store still knows.
        var lists = catalog.All.Where(d => d.Channel == ChannelNames.Email && string.IsNullOrEmpty(d.Address)).Select(d => d.Name)
            .Concat(counts.Select(c => c.List))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var chatCounts = chats is null ? null : await chats.CountAsync(cancellationToken);
        if (lists.Count == 0 && chatCounts is null)
        {
            return (Text("No email lists and no subscribers."), "none");
        }

        var text = new StringBuilder("<b>Subscribers</b>\n");
        foreach (var list in lists)
        {
            text.Append("<b>").Append(Escape(list)).Append("</b>: ");
            text.AppendJoin(", ", States.Select(state =>
                counts.Where(c => c.List.Equals(list, StringComparison.OrdinalIgnoreCase) && c.Status == state).Sum(c => c.Count).ToString(CultureInfo.InvariantCulture)
                + " " + state.ToString().ToLowerInvariant()));
            text.Append('\n');
        }

        if (chatCounts is not null)
        {
            text.Append("<b>Telegram private chats</b>: ");
            text.AppendJoin(", ", ChatStates.Select(state =>
                chatCounts.GetValueOrDefault(state).ToString(CultureInfo.InvariantCulture) + " " + state.ToString().ToLowerInvariant()));
            text.Append('\n');
        }

        return (Text(text.ToString()), $"{lists.Count} lists");
    }
}
