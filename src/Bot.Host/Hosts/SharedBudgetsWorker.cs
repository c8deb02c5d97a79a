using Bot.Core.Delivery.Pacing;
using Bot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Hosts;

/// <summary>On PostgreSQL, keeps this host's share of the send budgets in step with the other hosts (<see cref="PacingAgent"/>).</summary>
public sealed class SharedBudgetsWorker(
    PacingAgent? agent,
    IStoreHealth health,
    TimeProvider time,
    ILogger<SharedBudgetsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (agent is null || !await StoreWait.UntilMigratedAsync(health, time, logger, stoppingToken)) return;
        await agent.RunAsync(stoppingToken);
    }
}
