using Bot.Channels.Discord.Commands;
using Bot.Host.Hosting;
using Microsoft.Extensions.Hosting;

namespace Bot.Host.Discord;

/// <summary>Answers Discord slash commands for the life of <c>bot run</c>, once the store is ready.</summary>
public sealed class DiscordCommandWorker(DiscordCommandService commands, StoreReadiness readiness) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        await commands.RunAsync(stoppingToken);
    }
}
