using Microsoft.Extensions.Logging;

namespace Bot.Core.Delivery.Dispatch;

/// <summary>
/// Runs the dispatcher until stopped: one loop plans imported articles when <see cref="DeliverySignal"/> fires
/// (or at the poll interval), another sends whenever work is due. On stop, no new claims are made, sends under
/// way get <see cref="DispatchOptions.ShutdownGrace"/> to finish, and every lease still held is released so a
/// restart resends at most what was in flight.
/// </summary>
public sealed partial class DispatchLoop(
    DeliveryDispatcher dispatcher,
    IDeliveryStore store,
    DeliverySignal articlesImported,
    DispatchOptions options,
    TimeProvider time,
    ILogger<DispatchLoop> logger)
{
    private static readonly TimeSpan MaxOutageDelay = TimeSpan.FromSeconds(30);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var sends = new CancellationTokenSource();
        await using var onStop = stoppingToken.Register(() =>
        {
            try
            {
                sends.CancelAfter(options.ShutdownGrace);
            }
            catch (ObjectDisposedException)
            {
            }
        });

        try
        {
            await Task.WhenAll(PlanLoopAsync(stoppingToken), SendLoopAsync(stoppingToken, sends.Token));
        }
        finally
        {
            using var bounded = new CancellationTokenSource(options.ShutdownGrace);
            try
            {
                var released = await store.ReleaseAsync(dispatcher.Owner, bounded.Token);
                LogReleased(released);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Leases that cannot be released now expire on their own and go back to the queue.
                LogReleaseFailed(e);
            }
        }
    }

    private async Task PlanLoopAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.PlanPendingAsync(stoppingToken);
                failures = 0;
                await articlesImported.WaitAsync(options.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                LogOutage(e, "planning", failures);
                if (!await DelayAsync(OutageDelay(failures), stoppingToken)) return;
            }
        }
    }

    private async Task SendLoopAsync(CancellationToken stoppingToken, CancellationToken sendToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await dispatcher.DispatchOnceAsync(stoppingToken, sendToken);
                failures = 0;
                if (claimed > 0) continue;

                var wait = options.PollInterval;
                if (await store.NextDueAsync(stoppingToken) is { } next)
                {
                    var untilDue = next - time.GetUtcNow();
                    if (untilDue < wait) wait = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue;
                }
                if (wait > TimeSpan.Zero)
                {
                    await dispatcher.WorkAvailable.WaitAsync(wait, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // An unreachable store is an outage, not an empty queue: say so and back off.
                failures++;
                LogOutage(e, "dispatch", failures);
                if (!await DelayAsync(OutageDelay(failures), stoppingToken)) return;
            }
        }
    }

    private static TimeSpan OutageDelay(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxOutageDelay.Ticks, TimeSpan.FromMilliseconds(250).Ticks << Math.Min(failures - 1, 10)));

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {Step} failed ({Failures} in a row); backing off")]
    private partial void LogOutage(Exception exception, string step, int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatcher stopped; {Count} in-flight deliveries released")]
    private partial void LogReleased(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release leases on shutdown; they expire on their own")]
    private partial void LogReleaseFailed(Exception exception);
}
