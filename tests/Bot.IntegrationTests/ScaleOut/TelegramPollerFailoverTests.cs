using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Bot.IntegrationTests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Bot.IntegrationTests.ScaleOut;

/// <summary>
/// Three <c>bot run</c> hosts on one PostgreSQL database and the strict fake Bot API, which ends a waiting getUpdates
/// with 409 when another one arrives, as Telegram does. One host polls; killed with SIGKILL, another takes over from
/// the stored offset, and each admin command is answered once.
/// </summary>
public sealed class TelegramPollerFailoverTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const long Admin = 42;
    private const string AdminChat = "42";
    private const string Updates = "telegram-updates";

    private FakeTelegramBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeTelegramBotApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private IReadOnlyList<string> AdminReplies() => [.. _api.VisibleMessages(AdminChat).Select(m => m.Text)];

    private int Polls() => _api.Journal.Count(r => r.Method == "getUpdates");

    private int Conflicts() => _api.Journal.Count(r => r.Method == "getUpdates" && r.StatusCode == 409);

    // Steady state: a few more long polls (each up to Telegram:PollTimeout) have come and gone.
    private async Task SeveralPollsAsync(int count = 3)
    {
        var before = Polls();
        await Eventually.HoldsAsync(() => Polls() >= before + count, $"{count} more getUpdates");
    }

    [SkippableFact]
    public async Task Run_PollingHostKilled_AnotherPollsFromTheStoredOffsetAndEachCommandIsAnsweredOnce()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        await using var cluster = await BotCluster.CreateAsync(database, output, new Dictionary<string, string> { ["Telegram__BotToken"] = _api.Token },
            $"--Telegram:ApiBaseUrl={_api.BaseUrl}",
            "--Telegram:PollTimeout=00:00:02",
            $"--Telegram:Admins:0={Admin}",
            "--Telegram:Destinations:0:Name=news",
            "--Telegram:Destinations:0:ChatId=-1001000000001");
        foreach (var name in new[] { "host-a", "host-b", "host-c" }) await cluster.StartHealthyAsync(name);
        await Eventually.HoldsAsync(async () => await cluster.HolderAsync(Updates) is not null, "one host polls Telegram");

        _api.InjectMessage(Admin, Admin, "/status");
        await Eventually.HoldsAsync(() => AdminReplies().Count == 1, "/status answered");
        await SeveralPollsAsync();
        var conflictsInSteadyState = Conflicts();
        var poller = await cluster.HolderAsync(Updates);
        var killed = cluster.Hosts.Single(h => h.Name == poller);
        killed.Process.Crash();
        var killedAt = DateTimeOffset.UtcNow;
        _api.InjectMessage(Admin, Admin, "/destinations");
        await Eventually.HoldsAsync(() => AdminReplies().Count == 2, "/destinations, sent after the kill, answered by another host", TimeSpan.FromMinutes(2));
        output.WriteLine($"the command sent at the kill was answered {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:0.0} s after it");
        var successor = await cluster.HolderAsync(Updates);
        var conflictsAtTakeover = Conflicts();
        await SeveralPollsAsync();

        Assert.Equal(0, conflictsInSteadyState);
        Assert.NotNull(successor);
        Assert.NotEqual(poller, successor);
        var replies = AdminReplies();
        Assert.True(replies.Count == 2, string.Join("\n---\n", replies));
        Assert.StartsWith("Destinations\n", replies[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Destinations", replies[0], StringComparison.Ordinal);
        // At most the long poll the killed host left waiting ends with 409 when its successor polls; none after that.
        Assert.InRange(conflictsAtTakeover, 0, 1);
        Assert.Equal(conflictsAtTakeover, Conflicts());
    }
}
