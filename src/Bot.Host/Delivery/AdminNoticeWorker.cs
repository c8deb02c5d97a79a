using Bot.Core.Admin;
using Microsoft.Extensions.Hosting;

namespace Bot.Host.Delivery;

/// <summary>Sends the admins' notices (coalesced) for the life of <c>bot run</c>, apart from the dispatcher.</summary>
public sealed class AdminNoticeWorker(AdminNoticeQueue notices) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => notices.RunAsync(stoppingToken);
}
