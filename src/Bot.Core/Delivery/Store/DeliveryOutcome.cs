namespace Bot.Core.Delivery.Store;

/// <summary>
/// What becomes of one claimed delivery, as the store writes it. <see cref="RemoteIds"/> are the parts that exist on
/// the platform after the attempt, kept in every state so that a retry resumes and an edit or delete finds them.
/// </summary>
/// <param name="Status">Sent, Queued (paced or moved: attempt given back), Failed (retry at <paramref name="NextAttemptAt"/>), Dead or Cancelled.</param>
/// <param name="SentVersion">The article version <see cref="RemoteIds"/> show: for Sent, what the platform now shows (the
/// current one at send time); otherwise the version the parts delivered so far show, null when not known.</param>
/// <param name="ShownParts">How many of <see cref="RemoteIds"/>, from the first, show <paramref name="SentVersion"/>
/// (an edit that stopped part-way); null for all of them.</param>
/// <param name="GiveBackAttempt">The attempt did not count (pacing, a moved target, an unavailable channel).</param>
public sealed record DeliveryOutcome(
    long Id,
    DeliveryStatus Status,
    IReadOnlyList<string> RemoteIds,
    string? Error = null,
    DateTimeOffset? NextAttemptAt = null,
    int? SentVersion = null,
    bool GiveBackAttempt = false,
    int? ShownParts = null);
