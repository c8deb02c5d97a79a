using Bot.Core.Delivery.Planning;

namespace Bot.Core.Delivery;

/// <summary>
/// The outbox: one row per article version × destination × recipient × kind. Implemented for SQLite and PostgreSQL
/// in Bot.Storage. Every write is idempotent or guarded by the lease owner, so a retried call or a second host
/// cannot send twice what one claim covers.
/// </summary>
public interface IDeliveryStore
{
    /// <summary>Article versions imported but not yet planned, oldest first.</summary>
    Task<IReadOnlyList<(string ArticleKey, int Version)>> ListUnplannedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Records that a version's deliveries all exist, so it is not planned again.</summary>
    Task MarkPlannedAsync(string articleKey, int version, CancellationToken cancellationToken);

    /// <summary>
    /// Each destination's announcement state for an article key, over its versions before <paramref name="beforeVersion"/>:
    /// a version's own deliveries must not count, or planning it again would turn its announcement into an edit.
    /// </summary>
    Task<IReadOnlyDictionary<string, AnnouncementState>> GetAnnouncementStatesAsync(string articleKey, int beforeVersion, CancellationToken cancellationToken);

    /// <summary>Creates deliveries, ignoring any that exist already; held when the destination is paused. Returns how many were new.</summary>
    Task<int> AddAsync(IReadOnlyList<PlannedDelivery> deliveries, CancellationToken cancellationToken);

    /// <summary>
    /// Creates one page of a fan-out: deliveries for the next <paramref name="pageSize"/> recipients after
    /// <paramref name="afterId"/> in ascending id order (active subscribers of the list, or recipients whose
    /// announcement of the article was sent).
    /// </summary>
    Task<FanOutProgress> FanOutAsync(PlannedFanOut fanOut, long afterId, int pageSize, CancellationToken cancellationToken);

    /// <summary>Cancels the article's announcements, edits and corrections that have not gone out (queued, failed or held).</summary>
    Task<int> CancelPendingAsync(string articleKey, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> due deliveries for <paramref name="owner"/> until <paramref name="leaseUntil"/>:
    /// only the oldest unfinished delivery of each destination and recipient (so nothing overtakes an earlier one),
    /// none of a paused or disabled destination. Expired leases are returned to the queue first.
    /// </summary>
    Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string owner, int limit, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>The earliest <c>next_attempt_at</c> of a claimable delivery, to sleep until; null when none waits.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    /// <summary>The remote ids of the latest sent announcement or edit, for an edit or delete; null when none was sent.</summary>
    Task<IReadOnlyList<string>?> GetSentRemoteIdsAsync(string articleKey, string destination, string recipient, CancellationToken cancellationToken);

    /// <summary>Done. False when the lease was lost (another host took the delivery back).</summary>
    Task<bool> MarkSentAsync(long id, string owner, IReadOnlyList<string> remoteIds, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records a whole round's successes in one write: on SQLite every commit waits for the disk, and one per
    /// delivery would cap a fan-out at a few hundred a second. Returns how many leases were still held.
    /// </summary>
    Task<int> MarkSentAsync(string owner, IReadOnlyList<SentDelivery> sent, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A transient failure: retried at <paramref name="nextAttemptAt"/>. With <paramref name="countAttempt"/> false the attempt is given back (pacing, a moved target).</summary>
    Task<bool> RescheduleAsync(long id, string owner, DateTimeOffset nextAttemptAt, string? error, IReadOnlyList<string> remoteIds, bool countAttempt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Given up: only <see cref="RequeueDeadAsync"/> brings it back.</summary>
    Task<bool> MarkDeadAsync(long id, string owner, string error, IReadOnlyList<string> remoteIds, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Not needed any more (nothing to edit or delete, destination gone from configuration).</summary>
    Task<bool> CancelAsync(long id, string owner, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Returns every lease <paramref name="owner"/> holds to the queue, attempt given back: a graceful stop.</summary>
    Task<int> ReleaseAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Returns expired leases to the queue (a host that died mid-send); the attempt stays counted.</summary>
    Task<int> ReleaseExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Adds configured destinations and updates their channel and address; pause and disable survive, and so does an
    /// address the platform moved the target to (<see cref="SetAddressAsync"/>) until the configured address changes.
    /// </summary>
    Task SyncDestinationsAsync(IReadOnlyList<Destination> destinations, CancellationToken cancellationToken);

    Task<IReadOnlyList<DestinationState>> ListDestinationsAsync(CancellationToken cancellationToken);

    /// <summary>Pauses (its queued deliveries are held) or resumes (held deliveries queue again, in their order). False for an unknown name.</summary>
    Task<bool> SetPausedAsync(string destination, bool paused, CancellationToken cancellationToken);

    /// <summary>Stops a destination for good until re-enabled (bot kicked, channel deleted); <paramref name="reason"/> null re-enables.</summary>
    Task<bool> SetDisabledAsync(string destination, string? reason, CancellationToken cancellationToken);

    /// <summary>The platform moved the target (a group became a supergroup): deliveries go to the new address.</summary>
    Task SetAddressAsync(string destination, string address, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryRecord>> ListAsync(DeliveryQuery query, CancellationToken cancellationToken);

    /// <summary>Puts one dead delivery (or, with null, every dead delivery) back in the queue with its attempts reset.</summary>
    Task<int> RequeueDeadAsync(long? id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Appends to the audit log (admin notices, dead letters, disabled destinations).</summary>
    Task AuditAsync(string actor, string action, string subject, string detail, DateTimeOffset now, CancellationToken cancellationToken);
}
