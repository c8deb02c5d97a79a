using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Bot.Channels.Discord;
using Bot.Channels.Discord.Gateway;
using Bot.IntegrationTests.Fakes.DiscordApi;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Discord;

/// <summary>The gateway client against the strict fake gateway, on the real clock (short heartbeat intervals).</summary>
public sealed class DiscordGatewayClientTests : IAsyncDisposable
{
    private readonly List<string> logs = [];
    private readonly ConcurrentQueue<string> received = new();
    private readonly CancellationTokenSource stop = new();
    private DiscordHarness harness = null!;
    private Task<bool>? run;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (run is not null)
        {
            await run;
        }

        await harness.DisposeAsync();
        stop.Dispose();
    }

    private async Task<DiscordGatewayClient> StartAsync(FakeDiscordApiOptions? api = null, string? token = null, bool configureUrl = false, Func<double>? random = null)
    {
        harness = await DiscordHarness.StartAsync(api, botToken: token);
        if (configureUrl)
        {
            harness.Options.GatewayUrl = harness.Api.GatewayUrl;
        }

        var client = new DiscordGatewayClient(
            harness.Client, harness.Options, new DiscordTokenRedactor(harness.Options.BotToken), TimeProvider.System, new CollectingLogger<DiscordGatewayClient>(logs), random);
        run = client.RunAsync(
            (interaction, _) =>
            {
                received.Enqueue(interaction.GetProperty("id").GetString()!);
                return Task.CompletedTask;
            },
            stop.Token);
        return client;
    }

    [Fact]
    public async Task Run_Identify_ReadyHeartbeatsCarryLastSequenceAndInteractionsArrive()
    {
        var client = await StartAsync(new FakeDiscordApiOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(150) });
        await Eventually.HoldsAsync(() => harness.Api.SessionsReady == 1, "READY");

        var interaction = await harness.Api.SendCommandAsync(42, "status");
        await Eventually.HoldsAsync(() => received.Contains(interaction.Id), "the interaction reaches the handler");
        // At least 2: on a loaded machine a 150 ms heartbeat can be late, and the session resumed after it has a later sequence.
        await Eventually.HoldsAsync(() => harness.Api.GatewayFrames.Count(f => f.Op == 1 && f.Data?.GetValue<long>() >= 2) >= 2, "heartbeats after the dispatch carry seq 2 or later");

        var frames = harness.Api.GatewayFrames;
        var identify = frames.First(f => f.Op != 1);
        Assert.Equal(2, identify.Op);
        Assert.Equal(harness.Api.BotToken, identify.Data!["token"]!.GetValue<string>());
        Assert.Equal(0, identify.Data["intents"]!.GetValue<int>());
        Assert.NotNull(identify.Data["properties"]!["os"]);
        Assert.Equal(FakeDiscordApi.GatewayPath, identify.Path);
        Assert.Equal(harness.Api.SessionId, client.SessionId);
        Assert.Single(frames, f => f.Op == 2);
        Assert.Empty(harness.Api.Violations);
        Assert.Contains(harness.Api.Journal, r => r.Route == "GET gateway/bot" && r.Status == 200);
        Assert.DoesNotContain(logs, l => l.Contains(harness.Api.BotToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_Reconnect_ResumesSameSessionWithLastSequenceOnResumeUrl()
    {
        var client = await StartAsync();
        await Eventually.HoldsAsync(() => harness.Api.SessionsReady == 1, "READY");
        var session = harness.Api.SessionId;
        var first = await harness.Api.SendCommandAsync(42, "status");
        await Eventually.HoldsAsync(() => received.Contains(first.Id), "the first interaction arrives");
        var lastSeq = harness.Api.Sequence;

        await harness.Api.SendReconnectAsync();
        await Eventually.HoldsAsync(() => harness.Api.SessionsReady == 2, "RESUMED");
        var second = await harness.Api.SendCommandAsync(42, "help");
        await Eventually.HoldsAsync(() => received.Contains(second.Id), "the next interaction arrives");

        var frames = harness.Api.GatewayFrames;
        var close = Assert.Single(frames, f => f.Connection == 1 && f.Op == -1);
        Assert.NotNull(close.CloseCode);
        Assert.NotEqual(1000, close.CloseCode);
        Assert.NotEqual(1001, close.CloseCode);
        var resume = Assert.Single(frames, f => f.Op == 6);
        Assert.Equal(2, resume.Connection);
        Assert.Equal(FakeDiscordApi.ResumePath, resume.Path);
        Assert.Equal(session, resume.Data!["session_id"]!.GetValue<string>());
        Assert.Equal(lastSeq, resume.Data["seq"]!.GetValue<long>());
        Assert.Equal(harness.Api.BotToken, resume.Data["token"]!.GetValue<string>());
        Assert.Single(frames, f => f.Op == 2);
        Assert.Equal(session, client.SessionId);
        Assert.Empty(harness.Api.Violations);
    }

    [Fact]
    public async Task Run_InvalidSessionNotResumable_IdentifiesAgainOnGatewayUrlAfterAPause()
    {
        var client = await StartAsync(random: () => 0);
        await Eventually.HoldsAsync(() => harness.Api.SessionsReady == 1, "READY");
        var first = harness.Api.SessionId;

        await harness.Api.SendInvalidSessionAsync(resumable: false);
        await Eventually.HoldsAsync(() => harness.Api.SessionsReady == 2, "a new session");
        var interaction = await harness.Api.SendCommandAsync(42, "status");
        await Eventually.HoldsAsync(() => received.Contains(interaction.Id), "the interaction arrives on the new session");

        var frames = harness.Api.GatewayFrames;
        var identifies = frames.Where(f => f.Op == 2).ToList();
        Assert.Equal(2, identifies.Count);
        Assert.Equal(FakeDiscordApi.GatewayPath, identifies[1].Path);
        Assert.True(identifies[1].At - frames.Last(f => f.Connection == 1).At >= TimeSpan.FromSeconds(1), "Identify again only after the pause Discord asks for");
        Assert.DoesNotContain(frames, f => f.Op == 6);
        Assert.NotEqual(first, client.SessionId);
        Assert.Equal(harness.Api.SessionId, client.SessionId);
    }

    [Fact]
    public async Task Run_HeartbeatsNeverAcknowledged_ClosesResumableAndResumes()
    {
        await StartAsync(new FakeDiscordApiOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200), AcknowledgeHeartbeats = false });

        await Eventually.HoldsAsync(() => harness.Api.GatewayFrames.Any(f => f.Op == 6), "a Resume after the zombie connection");

        var frames = harness.Api.GatewayFrames;
        var firstConnection = frames.Where(f => f.Connection == 1).ToList();
        Assert.Equal(1, firstConnection.Count(f => f.Op == 1));
        Assert.Equal(-1, firstConnection[^1].Op);
        Assert.Equal(DiscordGatewayClient.ResumableClose, firstConnection[^1].CloseCode);
        Assert.Contains(logs, l => l.StartsWith("Warning: Discord gateway did not acknowledge a heartbeat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_WrongToken_Closed4004StopsWithOneErrorLineAndNoRetry()
    {
        const string wrong = "MTA5ODc2NTQzMjEwOTg3NjU0.WrOnG.not-the-token-0123456789";
        await StartAsync(token: wrong, configureUrl: true);

        var kept = await run!.WaitAsync(BotProcess.ExitLimit);
        run = null;

        Assert.False(kept);
        var error = Assert.Single(logs, l => l.StartsWith("Error:", StringComparison.Ordinal));
        Assert.StartsWith("Error: Discord gateway closed with 4004 (authentication failed: check Discord:BotToken)", error, StringComparison.Ordinal);
        Assert.DoesNotContain(logs, l => l.Contains(wrong, StringComparison.Ordinal) || l.Contains("not-the-token", StringComparison.Ordinal));
        Assert.Single(harness.Api.GatewayFrames, f => f.Op == 2);
        Assert.Equal(0, harness.Api.SessionsReady);
    }

    [Fact]
    public async Task Run_WrongTokenNoGatewayUrl_GatewayBotRefusedOneErrorLineNoConnection()
    {
        await StartAsync(token: "wrong-token-value");

        var kept = await run!.WaitAsync(BotProcess.ExitLimit);
        run = null;

        Assert.False(kept);
        var error = Assert.Single(logs, l => l.StartsWith("Error:", StringComparison.Ordinal));
        Assert.StartsWith("Error: Discord rejected Discord:BotToken (Discord 401", error, StringComparison.Ordinal);
        Assert.DoesNotContain(logs, l => l.Contains("wrong-token-value", StringComparison.Ordinal));
        Assert.Empty(harness.Api.GatewayFrames);
    }

    [Fact]
    public async Task Callback_SameInteractionTwice_SecondGets40060()
    {
        await StartAsync();
        await Eventually.HoldsAsync(() => harness.Api.SessionsReady == 1, "READY");
        var interaction = await harness.Api.SendCommandAsync(42, "status");
        var body = new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "hi", ["flags"] = 64, ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } } };

        var first = await harness.Client.AnswerInteractionAsync(interaction.Id, interaction.Token, (JsonObject)body.DeepClone(), CancellationToken.None);
        var second = await harness.Client.AnswerInteractionAsync(interaction.Id, interaction.Token, (JsonObject)body.DeepClone(), CancellationToken.None);

        Assert.True(first.IsSuccess);
        Assert.Equal((400, 40060), (second.Error!.Status, second.Error.Code));
        Assert.Equal("hi", interaction.Reply);
        Assert.True(interaction.Ephemeral);
        Assert.DoesNotContain(harness.Api.Journal, r => r.Path.Contains("callback", StringComparison.Ordinal) && r.Authorization is not null);
    }
}
