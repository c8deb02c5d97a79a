using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary><c>GET /metrics</c> of a running <c>bot run</c>, read the way Prometheus reads it.</summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly int _port = FreePort.Next();
    private readonly HttpClient _http = new();
    private BotProcess? _bot;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_bot is not null) await _bot.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Metrics_AfterTheReferenceArticleWentOutDry_CountsEachDestinationsDeliveriesByStatus()
    {
        _bot = BotProcess.Start(_dir.Path, "run", $"--Http:Urls=http://127.0.0.1:{_port}", "--Sources:Seed=", "--Delivery:PollInterval=00:00:01");
        await Eventually.HoldsAsync(() => Directory.Exists(_dir.Combine("data", "inbox")), "the inbox exists");
        File.Copy(Articles.SamplePath, _dir.Combine("data", "inbox", "quds.txt"));

        string text = "";
        await Eventually.HoldsAsync(async () =>
        {
            text = await _http.GetStringAsync($"http://127.0.0.1:{_port}/metrics");
            return Lines(text).Count(l => l.StartsWith("bot_deliveries{", StringComparison.Ordinal) && l.Contains("status=\"sent\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal)) == 3;
        }, "three dry deliveries counted as sent");

        var lines = Lines(text);
        Assert.Contains("# TYPE bot_deliveries gauge", lines);
        Assert.Contains("bot_deliveries{destination=\"telegram\",channel=\"telegram\",status=\"sent\"} 1", lines);
        Assert.Contains("bot_deliveries{destination=\"discord\",channel=\"discord\",status=\"sent\"} 1", lines);
        Assert.Contains("bot_deliveries{destination=\"email\",channel=\"email\",status=\"sent\"} 1", lines);
        Assert.Contains("bot_deliveries{destination=\"telegram\",channel=\"telegram\",status=\"queued\"} 0", lines);
        Assert.Contains("bot_destination_paused{destination=\"telegram\",channel=\"telegram\"} 0", lines);
        Assert.Contains("bot_store_up 1", lines);
        Assert.Contains(lines, l => l.StartsWith("process_working_set_bytes ", StringComparison.Ordinal));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
