using Bot.Channels.Telegram;
using Bot.Host.Hosting;
using Microsoft.Extensions.Hosting;

namespace Bot.Host.Telegram;

/// <summary>Answers Telegram admin commands for the life of <c>bot run</c>, once the store is ready.</summary>
public sealed class TelegramCommandWorker(TelegramCommandService commands, StoreReadiness readiness) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        await commands.RunAsync(stoppingToken);
    }
}
