namespace Bot.Core.Delivery.Store;

/// <summary>
/// Claims with leases. A claimed delivery belongs to its owner until the lease ends; the owner renews the leases of
/// everything it still holds, so a slow send keeps its claim and a host that died gives its work back soon.
/// </summary>
public interface IClaimStore
{
    /// <summary>
    /// Claims up to <see cref="ClaimRequest.Limit"/> due deliveries: only the oldest unfinished delivery of each
    /// destination and recipient (nothing overtakes an earlier one), none of a paused, disabled or excluded
    /// destination. Expired leases are returned to the queue first. Each claimed delivery comes with what its thread
    /// last sent, so the engine can send the current version without another query per delivery.
    /// </summary>
    Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>Extends the leases <paramref name="owner"/> holds on <paramref name="ids"/> to <paramref name="leaseUntil"/>; returns how many it still held.</summary>
    Task<int> RenewAsync(string owner, IReadOnlyCollection<long> ids, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Returns every lease <paramref name="owner"/> holds to the queue, attempt given back: a graceful stop.</summary>
    Task<int> ReleaseAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Returns expired leases to the queue (a host that died mid-send); the attempt stays counted.</summary>
    Task<int> ReleaseExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The earliest <c>next_attempt_at</c> of a claimable delivery that <paramref name="request"/> would not leave out; null when none waits.</summary>
    Task<DateTimeOffset?> NextDueAsync(ClaimRequest request, CancellationToken cancellationToken);
}
