namespace Bot.Core.Subscriptions;

/// <summary>One address on one list. <see cref="Email"/> is stored normalised (trimmed, lower case).</summary>
/// <param name="UpdatedAt">Last status change; for a pending subscriber, when the confirmation was requested.</param>
public sealed record Subscriber(
    long Id,
    string List,
    string Email,
    string? Name,
    SubscriberStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ConfirmedAt);
