using Bot.Core.ChatSubscriptions;

namespace Bot.Storage.ChatSubscriptions;

/// <summary>A <c>telegram_subscribers</c> row as Dapper reads it.</summary>
internal sealed class TelegramSubscriberRow
{
    public long Id { get; init; }

    public long ChatId { get; init; }

    public long? UserId { get; init; }

    public string? Name { get; init; }

    public string? Topic { get; init; }

    public string Status { get; init; } = "";

    public string? Reason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public TelegramSubscriber ToSubscriber() => new(
        Id, ChatId, UserId, Name, Topic, Enum.Parse<TelegramSubscriberStatus>(Status, ignoreCase: true), Reason, CreatedAt, UpdatedAt);
}
