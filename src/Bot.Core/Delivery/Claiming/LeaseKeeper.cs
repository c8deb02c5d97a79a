using Bot.Core.Delivery.Store;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Delivery.Claiming;

/// <summary>
/// Renews the leases of every delivery this host is working on, every third of the lease: a send slower than the lease
/// keeps its claim instead of being taken and sent a second time by another dispatcher. One statement renews them all.
/// Only what the pipeline tracks is renewed, so a claim it lost track of runs out and goes back to the queue.
/// </summary>
public sealed partial class LeaseKeeper(IClaimStore claims, LeaseClock leases, LeaseOwner owner, ILogger<LeaseKeeper> logger, TimeProvider time)
{
    /// <summary>Renews the leases of <paramref name="held"/> until <paramref name="stop"/>.</summary>
    public async Task RunAsync(InFlightDeliveries held, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(held);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(leases.RenewEvery, time, stop);
                var ids = held.Snapshot();
                if (ids.Count > 0) await RenewAsync(ids, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The next round tries again; a lease that runs out meanwhile is recorded as lost, not sent twice by us.
                LogRenewFailed(e);
            }
        }
    }

    public Task<int> RenewAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        claims.RenewAsync(owner.Name, ids, leases.NewLeaseUntil(), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing this host's delivery leases failed; retrying")]
    private partial void LogRenewFailed(Exception exception);
}
