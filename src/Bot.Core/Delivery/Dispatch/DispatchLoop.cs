using Bot.Core.Delivery.Planning;
using Bot.Core.Hosts;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Delivery.Dispatch;

/// <summary>
/// Runs delivery until stopped: the planning round whenever <see cref="DeliverySignal"/> says articles were imported
/// (or at the poll interval), on the one host elected as <see cref="SingletonNames.Planner"/> when an elector is given,
/// and the <see cref="DeliveryPipeline"/> throughout, on every host. On stop, no new claims are made, sends
/// under way get <see cref="DispatchOptions.ShutdownGrace"/> to finish, and every lease still held is released so a
/// restart sends again at most what was in flight.
/// </summary>
public sealed partial class DispatchLoop(
    PlanningRound planning,
    DeliveryPipeline pipeline,
    DeliverySignal articlesImported,
    DispatchOptions options,
    TimeProvider time,
    ILogger<DispatchLoop> logger,
    ILeaderElector? elector = null)
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

        var planning = elector is null
            ? PlanLoopAsync(stoppingToken)
            : elector.RunWhileLeaderAsync(SingletonNames.Planner, (_, term) => PlanLoopAsync(term), LogPlannerFailed, time, stoppingToken);
        await Task.WhenAll(planning, pipeline.RunAsync(stoppingToken, sends.Token));
    }

    private async Task PlanLoopAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await planning.RunAsync(stoppingToken);
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
                LogOutage(e, failures);
                try
                {
                    await Task.Delay(TimeSpan.FromTicks(Math.Min(MaxOutageDelay.Ticks, TimeSpan.FromMilliseconds(250).Ticks << Math.Min(failures - 1, 10))), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The planner failed; starting it again")]
    private partial void LogPlannerFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery planning failed ({Failures} in a row); backing off")]
    private partial void LogOutage(Exception exception, int failures);
}
