namespace Bot.Core.ChatSubscriptions;

/// <summary>One private chat that asked for announcements.</summary>
/// <param name="ChatId">The private chat, which is also where its messages go.</param>
/// <param name="UserId">Who sent <c>/start</c>; in a private chat the same number as the chat.</param>
/// <param name="Name">The user's @username or first name when Telegram gave one, for admins reading the list.</param>
/// <param name="Topic">Only articles with this tag or category, in <see cref="SubscriptionTopic.Normalize"/> form; null for everything.</param>
/// <param name="Reason">Why the chat is <see cref="TelegramSubscriberStatus.Blocked"/> (Telegram's answer); null otherwise.</param>
public sealed record TelegramSubscriber(
    long Id,
    long ChatId,
    long? UserId,
    string? Name,
    string? Topic,
    TelegramSubscriberStatus Status,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
