namespace Bot.Core.Delivery;

/// <summary>A delivery this host holds under a lease until <see cref="LeaseUntil"/>.</summary>
/// <param name="Attempts">Attempts started so far, this one included.</param>
/// <param name="RemoteIds">Parts an earlier, interrupted attempt already delivered.</param>
/// <param name="RemoteIdsVersion">The article version <paramref name="RemoteIds"/> show (the first
/// <paramref name="ShownParts"/> of them after an edit that stopped part-way); null when not known.</param>
/// <param name="ShownParts">How many of <paramref name="RemoteIds"/>, from the first, show
/// <paramref name="RemoteIdsVersion"/>; null for all of them.</param>
/// <param name="Generation">0 for the planned announcement thread, 1, 2, … for <c>/publish</c> copies.</param>
/// <param name="LastSent">What the delivery's thread (article × destination × recipient × generation) last put on
/// the platform; null when nothing went out yet.</param>
public sealed record ClaimedDelivery(
    long Id,
    string ArticleKey,
    int ArticleVersion,
    string Destination,
    string Recipient,
    DeliveryKind Kind,
    int Attempts,
    IReadOnlyList<string> RemoteIds,
    DateTimeOffset LeaseUntil,
    int Generation = 0,
    SentThread? LastSent = null,
    int? RemoteIdsVersion = null,
    int? ShownParts = null);
