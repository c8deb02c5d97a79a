namespace Bot.Core.Delivery;

/// <summary>A delivery as admins see it.</summary>
public sealed record DeliveryRecord(
    long Id,
    string ArticleKey,
    int ArticleVersion,
    string Destination,
    string Recipient,
    DeliveryKind Kind,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    IReadOnlyList<string> RemoteIds,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt);
