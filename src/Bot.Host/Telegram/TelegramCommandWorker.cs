using Bot.Channels.Telegram;
using Bot.Core.Hosts;
using Bot.Host.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Telegram;

/// <summary>
/// Answers Telegram admin commands for the life of <c>bot run</c>, once the store is ready, on the one host elected to
/// poll getUpdates (<see cref="SingletonNames.TelegramUpdates"/>): Telegram ends a second concurrent poll with 409. The
/// offset is in the store, so the host that takes over goes on from the last update answered.
/// </summary>
public sealed partial class TelegramCommandWorker(
    TelegramCommandService commands,
    ILeaderElector elector,
    StoreReadiness readiness,
    TimeProvider time,
    ILogger<TelegramCommandWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        await elector.RunWhileLeaderAsync(SingletonNames.TelegramUpdates, (_, term) => commands.RunAsync(term), LogFailed, time, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling Telegram for admin commands failed; starting again")]
    private partial void LogFailed(Exception exception);
}
