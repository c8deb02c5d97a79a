using Bot.Core.Admin.Replies;
using Bot.Core.Channels;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Subscriptions;

namespace Bot.Core.Admin.Commands;

/// <summary><c>subscribers</c>: per email list the addresses by state; then the Telegram private chats.</summary>
/// <param name="chats">Null where the bot keeps no private-chat readers.</param>
public sealed class SubscriberCommands(ISubscriberCounter counter, DestinationCatalog catalog, ITelegramSubscriberStore? chats = null)
{
    public async Task<AdminReply> CountAsync(CancellationToken cancellationToken)
    {
        var counts = await counter.CountAsync(cancellationToken);
        // Configured lists first, in configuration order, even when empty; then lists only the store still knows.
        var lists = catalog.All.Where(d => d.Channel == ChannelNames.Email && string.IsNullOrEmpty(d.Address)).Select(d => d.Name)
            .Concat(counts.Select(c => c.List))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(list =>
            {
                long Count(SubscriberStatus status) =>
                    counts.Where(c => c.List.Equals(list, StringComparison.OrdinalIgnoreCase) && c.Status == status).Sum(c => c.Count);
                return new AdminSubscriberList(
                    list, Count(SubscriberStatus.Active), Count(SubscriberStatus.Pending), Count(SubscriberStatus.Bounced), Count(SubscriberStatus.Unsubscribed));
            })
            .ToList();
        var chatCounts = chats is null ? null : await chats.CountAsync(cancellationToken);
        return new AdminReply.Subscribers(
            lists,
            chatCounts is null
                ? null
                : new AdminChatCounts(
                    chatCounts.GetValueOrDefault(TelegramSubscriberStatus.Active),
                    chatCounts.GetValueOrDefault(TelegramSubscriberStatus.Unsubscribed),
                    chatCounts.GetValueOrDefault(TelegramSubscriberStatus.Blocked)));
    }
}
