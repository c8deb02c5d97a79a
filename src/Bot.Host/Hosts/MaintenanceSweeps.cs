using Bot.Core.Admin.Sessions;
using Bot.Core.Delivery.Store;
using Bot.Core.Hosts;
using Bot.Storage.Pacing;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Hosts;

/// <summary>
/// The store's housekeeping, run by one host at a time (<see cref="SingletonNames.Maintenance"/>): deliveries whose
/// lease ran out go back to the queue even while no host claims, expired admin sessions and hosts silent for
/// <see cref="ForgetHostsAfter"/> are deleted, and spent rows of the shared send budgets are cleared.
/// </summary>
public sealed partial class MaintenanceSweeps(
    IClaimStore claims,
    IHostRegistry hosts,
    TimeProvider time,
    ILogger<MaintenanceSweeps> logger,
    IAdminSessionStore? sessions = null,
    PostgresPacingStore? pacing = null)
{
    /// <summary>Between two sweeps.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    /// <summary>A host that has not beaten for this long (it died without signing off) is forgotten.</summary>
    public static readonly TimeSpan ForgetHostsAfter = TimeSpan.FromMinutes(10);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogSweepFailed(e);
            }

            await Task.Delay(Every, time, cancellationToken);
        }
    }

    public async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var released = await claims.ReleaseExpiredAsync(now, cancellationToken);
        var silent = await hosts.RemoveSilentAsync(ForgetHostsAfter, cancellationToken);
        var expired = sessions is null ? 0 : await sessions.RemoveExpiredAsync(now, cancellationToken);
        var spent = pacing is null ? 0 : await pacing.SweepAsync(cancellationToken);
        if (released + silent + expired + spent > 0) LogSwept(released, silent, expired, spent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Maintenance: {Released} expired delivery leases back in the queue, {Silent} silent hosts forgotten, {Sessions} admin sessions ended, {Spent} spent budget rows cleared")]
    private partial void LogSwept(int released, int silent, int sessions, int spent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A maintenance sweep failed; the next one comes in 30 seconds")]
    private partial void LogSweepFailed(Exception exception);
}
