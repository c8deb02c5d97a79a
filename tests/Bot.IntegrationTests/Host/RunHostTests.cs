using Bot.Host.Cli;
using Bot.Host.Hosting;
using Bot.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary>The <c>run</c> host in-process, for endings a test cannot provoke from outside.</summary>
public sealed class RunHostTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunHost_WorkerThrows_StopsWithExitCodeTwoAndOneLine()
    {
        await using var app = BotWebHost.Build(Configuration(), services => services.AddHostedService<ThrowingWorker>());
        var error = new StringWriter();

        var exit = await RunCommand.RunHostAsync(app, error, CancellationToken.None).WaitAsync(BotProcess.ExitLimit);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("bot: ThrowingWorker failed and stopped the host: the bot*** worker broke", line.TrimEnd('\r'));
        Assert.DoesNotContain("bot123:secret", line);
    }

    [Fact]
    public async Task RunHost_Cancelled_StopsWithExitCodeZero()
    {
        await using var app = BotWebHost.Build(Configuration());
        using var stop = new CancellationTokenSource();
        var run = RunCommand.RunHostAsync(app, TextWriter.Null, stop.Token);
        await Eventually.HoldsAsync(() => app.Services.GetRequiredService<StoreReadiness>().IsReady, "the store is ready");

        await stop.CancelAsync();
        var exit = await run.WaitAsync(BotProcess.ExitLimit);

        Assert.Equal(0, exit);
    }

    private IConfiguration Configuration() =>
        new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("Store:ConnectionString", $"Data Source={_dir.Combine("bot.db")}"),
            new("Sources:Inbox", _dir.Combine("inbox")),
            new("Sources:Seed", ""),
            new("Http:Urls", "http://127.0.0.1:0"),
            new("Logging:LogLevel:Default", "Warning"),
        ]).Build();

    private sealed class ThrowingWorker : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("the bot123:secret worker broke");
        }
    }
}
