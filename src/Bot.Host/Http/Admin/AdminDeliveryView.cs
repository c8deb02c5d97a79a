using Bot.Core.Delivery;

namespace Bot.Host.Http.Admin;

/// <summary>A delivery as the admin API shows it; kind and status in lower case, as <c>bot deliveries</c> prints them.</summary>
public sealed record AdminDeliveryView(
    long Id,
    string ArticleKey,
    int ArticleVersion,
    string Destination,
    string Recipient,
    string Kind,
    string Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt)
{
    public static AdminDeliveryView Of(DeliveryRecord r, AdminRedactor redactor) => new(
        r.Id, r.ArticleKey, r.ArticleVersion, r.Destination, r.Recipient, DeliveryNames.Of(r.Kind), DeliveryNames.Of(r.Status),
        r.Attempts, r.NextAttemptAt, redactor.Redact(r.LastError), r.CreatedAt, r.UpdatedAt, r.SentAt);
}
