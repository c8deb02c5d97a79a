using Bot.Core.Hosts;
using Bot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Hosts;

/// <summary>Runs this host's part in the elections and its heartbeat once the store answers; gives everything up on stop.</summary>
public sealed class HostsWorker(
    ILeaderElector elector,
    HostHeartbeat heartbeat,
    IStoreHealth health,
    TimeProvider time,
    ILogger<HostsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StoreWait.UntilMigratedAsync(health, time, logger, stoppingToken)) return;
        await Task.WhenAll(elector.RunAsync(stoppingToken), heartbeat.RunAsync(stoppingToken));
    }
}
