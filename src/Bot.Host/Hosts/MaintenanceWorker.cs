using Bot.Core.Hosts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Hosts;

/// <summary>Runs the <see cref="MaintenanceSweeps"/> while this host is elected to.</summary>
public sealed partial class MaintenanceWorker(ILeaderElector elector, MaintenanceSweeps sweeps, TimeProvider time, ILogger<MaintenanceWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        elector.RunWhileLeaderAsync(SingletonNames.Maintenance, (_, token) => sweeps.RunAsync(token), LogFailed, time, stoppingToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "The maintenance sweeps failed; starting them again")]
    private partial void LogFailed(Exception exception);
}
