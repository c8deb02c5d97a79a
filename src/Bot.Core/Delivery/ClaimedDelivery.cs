namespace Bot.Core.Delivery;

/// <summary>A delivery this host holds under a lease until <see cref="LeaseUntil"/>.</summary>
/// <param name="Attempts">Attempts started so far, this one included.</param>
/// <param name="RemoteIds">Parts an earlier, interrupted attempt already delivered.</param>
public sealed record ClaimedDelivery(
    long Id,
    string ArticleKey,
    int ArticleVersion,
    string Destination,
    string Recipient,
    DeliveryKind Kind,
    int Attempts,
    IReadOnlyList<string> RemoteIds,
    DateTimeOffset LeaseUntil);
