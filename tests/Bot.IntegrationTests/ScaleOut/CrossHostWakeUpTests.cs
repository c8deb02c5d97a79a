using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Bot.IntegrationTests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Bot.IntegrationTests.ScaleOut;

/// <summary>
/// An article taken in on one host is planned by the host elected as planner and sent, woken through the database's
/// LISTEN/NOTIFY: with the polling fallback set to ten minutes, only a signal between the hosts can get it out sooner.
/// </summary>
public sealed class CrossHostWakeUpTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Channel = "-1001000000001";
    private const string Planner = "planner";

    private FakeTelegramBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeTelegramBotApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [SkippableFact]
    public async Task Run_ArticleTakenInOnAHostThatDoesNotPlan_PlannedByTheOtherAndSentWithoutWaitingForThePoll()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        await using var cluster = await BotCluster.CreateAsync(database, output, new Dictionary<string, string> { ["Telegram__BotToken"] = _api.Token },
            $"--Telegram:ApiBaseUrl={_api.BaseUrl}",
            "--Telegram:PollTimeout=00:00:02",
            "--Telegram:Destinations:0:Name=news",
            $"--Telegram:Destinations:0:ChatId={Channel}",
            "--Delivery:PollInterval=00:10:00");
        await cluster.StartHealthyAsync("planner-host");
        await Eventually.HoldsAsync(async () => await cluster.HolderAsync(Planner) == "planner-host", "the first host plans");
        var inbox = await cluster.StartHealthyAsync("inbox-host");

        var dropped = DateTimeOffset.UtcNow;
        await inbox.DropAsync("quds.txt", await File.ReadAllTextAsync(Articles.SamplePath));
        // Far below the ten-minute fallback; only a bound on a broken run.
        await Eventually.HoldsAsync(() => _api.VisibleMessages(Channel).Count > 0, "the article announced", TimeSpan.FromMinutes(2));
        output.WriteLine($"announced {(DateTimeOffset.UtcNow - dropped).TotalSeconds:0.0} s after the drop");

        Assert.Equal("planner-host", await cluster.HolderAsync(Planner));
        Assert.Contains("Planned ", cluster.Hosts[0].Process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Planned ", inbox.Process.Output, StringComparison.Ordinal);
    }
}
