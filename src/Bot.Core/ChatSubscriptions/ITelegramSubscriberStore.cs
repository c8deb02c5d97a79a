using Bot.Core.Subscriptions;

namespace Bot.Core.ChatSubscriptions;

/// <summary>
/// The private chats subscribed to announcements (table <c>telegram_subscribers</c>). Leaving, by <c>/stop</c> or
/// by blocking the bot, also cancels what is still queued for the chat in the outbox, in the same transaction, so
/// nothing already planned reaches it afterwards.
/// </summary>
public interface ITelegramSubscriberStore
{
    /// <summary>
    /// Subscribes <paramref name="chatId"/> with <paramref name="topic"/> (normalised; null for everything), replacing
    /// any earlier topic and re-activating a chat that had stopped or blocked the bot. <see cref="SubscriberChange.Added"/>
    /// for a new chat, <see cref="SubscriberChange.Updated"/> when its status or topic changed, else <see cref="SubscriberChange.Unchanged"/>.
    /// </summary>
    Task<SubscriberChange> SubscribeAsync(long chatId, long? userId, string? name, string? topic, CancellationToken cancellationToken);

    /// <summary>
    /// <c>/stop</c>: the chat gets nothing more; its queued announcements and edits are cancelled (a delete of a
    /// retracted article may still remove what it was sent). <see cref="SubscriberChange.Updated"/> when it was
    /// active, <see cref="SubscriberChange.Unchanged"/> when it was not, <see cref="SubscriberChange.NotFound"/> for an unknown chat.
    /// </summary>
    Task<SubscriberChange> UnsubscribeAsync(long chatId, CancellationToken cancellationToken);

    /// <summary>Telegram refuses the chat for good: marked blocked with <paramref name="reason"/>, everything queued for it cancelled. False for an unknown chat.</summary>
    Task<bool> MarkBlockedAsync(long chatId, string reason, CancellationToken cancellationToken);

    Task<TelegramSubscriber?> GetAsync(long chatId, CancellationToken cancellationToken);

    /// <summary>The status of each of <paramref name="chatIds"/> that is known, in one query for a claimed batch.</summary>
    Task<IReadOnlyDictionary<long, TelegramSubscriberStatus>> StatusesAsync(IReadOnlyCollection<long> chatIds, CancellationToken cancellationToken);

    /// <summary>How many chats are in each state.</summary>
    Task<IReadOnlyDictionary<TelegramSubscriberStatus, long>> CountAsync(CancellationToken cancellationToken);
}
