namespace Bot.Core.Subscriptions;

/// <summary>One address on one list. <see cref="Email"/> is stored normalised (trimmed, lower case).</summary>
/// <param name="UpdatedAt">Last status change; for a pending subscriber, when the confirmation was requested.</param>
/// <param name="RequestedAt">When a mail last went out in answer to <c>POST /subscribe</c> for this address.</param>
public sealed record Subscriber(
    long Id,
    string List,
    string Email,
    string? Name,
    SubscriberStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? RequestedAt = null);
