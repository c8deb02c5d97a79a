using Bot.Core.Subscriptions;

namespace Bot.Storage.Subscribers;

/// <summary>A <c>subscribers</c> row as Dapper reads it.</summary>
internal sealed class SubscriberRow
{
    public long Id { get; init; }

    public string List { get; init; } = "";

    public string Email { get; init; } = "";

    public string? Name { get; init; }

    public string Status { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ConfirmedAt { get; init; }

    public DateTimeOffset? RequestedAt { get; init; }

    public Subscriber ToSubscriber() => new(
        Id,
        List,
        Email,
        Name,
        Enum.Parse<SubscriberStatus>(Status, ignoreCase: true),
        CreatedAt,
        UpdatedAt,
        ConfirmedAt,
        RequestedAt);
}
