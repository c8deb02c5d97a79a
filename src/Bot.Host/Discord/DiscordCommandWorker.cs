using Bot.Channels.Discord.Commands;
using Bot.Core.Hosts;
using Bot.Host.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Discord;

/// <summary>
/// Answers Discord slash commands for the life of <c>bot run</c>, once the store is ready, on the one host elected to
/// hold the gateway session (<see cref="SingletonNames.DiscordGateway"/>): a second session would receive every
/// interaction too. A host that loses the election leaves the session resumable for the next one.
/// </summary>
public sealed partial class DiscordCommandWorker(
    DiscordCommandService commands,
    ILeaderElector elector,
    StoreReadiness readiness,
    TimeProvider time,
    ILogger<DiscordCommandWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        await elector.RunWhileLeaderAsync(SingletonNames.DiscordGateway, (lease, _) => commands.RunAsync(stoppingToken, lease.Lost), LogFailed, time, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The Discord gateway failed; starting it again")]
    private partial void LogFailed(Exception exception);
}
