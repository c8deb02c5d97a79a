using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Pacing;
using Bot.Core.Hosts;
using Bot.Core.Storage;
using Bot.Storage.Hosts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Hosts;

/// <summary>
/// On PostgreSQL, listens for the other hosts' signals and wakes what each one concerns: the planner for new articles,
/// the claim loop for new work, the shared budgets for a platform's hold, the election for a singleton given up.
/// With SQLite there is nothing to listen to.
/// </summary>
public sealed class HostSignalsWorker(
    PostgresSignalListener? listener,
    DeliverySignal articlesImported,
    DeliveryPipeline pipeline,
    ISendPacer pacer,
    ILeaderElector elector,
    IStoreHealth health,
    TimeProvider time,
    ILogger<HostSignalsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (listener is null || !await StoreWait.UntilMigratedAsync(health, time, logger, stoppingToken)) return;
        await listener.RunAsync(Wake, stoppingToken);
    }

    private void Wake(string topic)
    {
        switch (topic)
        {
            case HostTopics.Articles:
                articlesImported.Notify();
                break;
            case HostTopics.Work:
                pipeline.WorkAvailable.Notify();
                break;
            case HostTopics.Holds:
                (pacer as SharedSendPacer)?.ExchangeNeeded.Notify();
                break;
            case HostTopics.Singletons:
                elector.Wake();
                break;
        }
    }
}
