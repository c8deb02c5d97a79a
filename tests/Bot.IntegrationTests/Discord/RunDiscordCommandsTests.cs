using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Channels.Discord.Commands;
using Bot.IntegrationTests.Fakes.DiscordApi;
using Bot.IntegrationTests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Bot.IntegrationTests.Discord;

/// <summary><c>bot run</c> as a process with a Discord token and application id, against the strict fake REST API and gateway.</summary>
public sealed class RunDiscordCommandsTests : IAsyncLifetime
{
    private const string ChannelA = "1001";
    private const string ChannelB = "1002";
    private const ulong Admin = 223344556677889900;
    private const ulong Stranger = 998877665544332211;

    private readonly TempDirectory _dir = new();
    private readonly int _port = FreePort.Next();
    private FakeDiscordApi _api = null!;
    private BotProcess? _bot;

    public async Task InitializeAsync() => _api = await FakeDiscordApi.StartAsync(new FakeDiscordApiOptions { HeartbeatInterval = TimeSpan.FromSeconds(1) });

    public async Task DisposeAsync()
    {
        if (_bot is not null) await _bot.DisposeAsync();
        await _api.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private BotProcess StartBot(string? token = null, params string[] more) => _bot = BotProcess.Start(
        _dir.Path,
        new Dictionary<string, string> { ["Discord__BotToken"] = token ?? _api.BotToken },
        [
            "run",
            $"--Http:Urls=http://127.0.0.1:{_port}",
            "--Sources:Seed=",
            $"--Discord:ApiBaseUrl={_api.ApiBaseUrl}",
            $"--Discord:Admins:0={Admin}",
            "--Discord:Destinations:0:Name=news-a",
            $"--Discord:Destinations:0:ChannelId={ChannelA}",
            "--Discord:Destinations:1:Name=news-b",
            $"--Discord:Destinations:1:ChannelId={ChannelB}",
            .. more,
        ]);

    private BotProcess StartWithCommands(string? token = null) => StartBot(token, $"--Discord:ApplicationId={_api.Options.ApplicationId}");

    private async Task<string> AskAsync(ulong user, string command, params (string Name, int Type, object Value)[] options)
    {
        var json = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject
        {
            ["name"] = o.Name,
            ["type"] = o.Type,
            ["value"] = o.Value is int i ? JsonValue.Create(i) : JsonValue.Create(o.Value.ToString()),
        })]);
        var interaction = await _api.SendCommandAsync(user, command, json);
        await Eventually.HoldsAsync(() => interaction.Reply is not null, $"/{command} answered");
        Assert.True(interaction.Ephemeral, $"/{command} answered for everyone to see");
        return interaction.Reply!;
    }

    private async Task DropAsync(string name, string content)
    {
        await Eventually.HoldsAsync(() => Directory.Exists(_dir.Combine("data", "inbox")), "the inbox exists");
        await File.WriteAllTextAsync(_dir.Combine("data", "inbox", name + ".tmp"), content);
        File.Move(_dir.Combine("data", "inbox", name + ".tmp"), _dir.Combine("data", "inbox", name));
    }

    private async Task<BotResult> StopBotAsync()
    {
        _bot!.Terminate();
        var result = await _bot.WaitForExitAsync();
        await _bot.DisposeAsync();
        _bot = null;
        return result;
    }

    [Fact]
    public async Task Run_StartUp_RegistersMenuGloballyAndAnswersAdminStatusEphemerally()
    {
        StartWithCommands();
        await Eventually.HoldsAsync(() => _api.SessionsReady == 1, "the gateway session is ready");

        var status = await AskAsync(Admin, "status");
        var help = await AskAsync(Admin, "help");
        var result = await StopBotAsync();

        var registration = Assert.Single(_api.CommandRegistrations);
        Assert.Equal(
            ["help", "status", "articles", "preview", "retry", "pause", "resume", "destinations", "publish", "subscribers"],
            registration.Select(c => c!["name"]!.GetValue<string>()));
        var options = registration.ToDictionary(
            c => c!["name"]!.GetValue<string>(),
            c => string.Join(", ", (c!["options"] as JsonArray ?? []).Select(o => $"{o!["name"]}:{o["type"]}:{o["required"]}")));
        Assert.Equal("id:3:true, channel:3:false", options["preview"]);
        Assert.Equal("id:4:false", options["retry"]);
        Assert.Equal("name:3:true", options["pause"]);
        Assert.Equal("name:3:true", options["resume"]);
        Assert.Equal("id:3:true", options["publish"]);
        Assert.All(registration, c => Assert.Equal("0", c!["default_member_permissions"]!.GetValue<string>()));
        Assert.Contains(_api.Journal, r => r.Method == "PUT" && r.Path == $"{FakeDiscordApi.ApiPath}/applications/{_api.Options.ApplicationId}/commands" && r.Status == 200);

        Assert.Equal("**Status**\nqueued: 0\nfailed: 0\nheld: 0\ndead: 0\ndestinations: 5, paused 0, disabled 0", status);
        Assert.StartsWith("**Commands**\n/help — What the bot can do\n/status — ", help, StringComparison.Ordinal);
        Assert.Empty(_api.Violations);
        Assert.DoesNotContain(_api.BotToken, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PauseByStrangerRefused_PauseByAdminHoldsResumeSends()
    {
        StartWithCommands();
        await Eventually.HoldsAsync(() => _api.SessionsReady == 1, "the gateway session is ready");

        var refusal = await AskAsync(Stranger, "pause", ("name", 3, "news-a"));
        var paused = await AskAsync(Admin, "pause", ("name", 3, "news-b"));
        await DropAsync("first.txt", Articles.Text("First *news* @everyone"));
        await Eventually.HoldsAsync(() => _api.VisibleMessages(ChannelA).Count > 0, "the unpaused channel announced");
        await Eventually.HoldsAsync(async () => (await DeliveryLineAsync("news-b")).Contains(" held ", StringComparison.Ordinal), "news-b's delivery is held");
        var heldMessages = _api.VisibleMessages(ChannelB).Count;
        var destinations = await AskAsync(Admin, "destinations");
        var resumed = await AskAsync(Admin, "resume", ("name", 3, "news-b"));
        await Eventually.HoldsAsync(() => _api.VisibleMessages(ChannelB).Count == _api.VisibleMessages(ChannelA).Count, "news-b announced after /resume");
        var audit = await AuditAsync();
        await StopBotAsync();

        Assert.Equal(DiscordCommandService.Refusal, refusal);
        Assert.Equal("news\\-b paused: its deliveries are held.", paused);
        Assert.Equal(0, heldMessages);
        // The two configured here, then the dry channels' implicit ones.
        Assert.StartsWith("**Destinations**\nnews\\-a \\(discord\\) — active\nnews\\-b \\(discord\\) — paused\n", destinations, StringComparison.Ordinal);
        Assert.Equal("news\\-b resumed: held deliveries go out in order.", resumed);
        Assert.Equal(_api.VisibleMessages(ChannelA).Select(m => m.Content), _api.VisibleMessages(ChannelB).Select(m => m.Content));
        var refusedCall = _api.Journal.First(r => r.Route.StartsWith("POST interactions", StringComparison.Ordinal));
        Assert.Equal(4, JsonNode.Parse(refusedCall.Body)!["type"]!.GetValue<int>());
        Assert.Equal(
            [
                $"discord:{Admin} discord-command /pause news-b: paused from guild:2000/channel:3000",
                $"discord:{Admin} discord-command /destinations: 5 listed from guild:2000/channel:3000",
                $"discord:{Admin} discord-command /resume news-b: resumed from guild:2000/channel:3000",
            ],
            audit);
        Assert.Empty(_api.Violations);
        Assert.Empty(_api.Pings);
    }

    [Fact]
    public async Task Run_GatewayAsksToReconnect_ResumesSameSessionAndNextCommandAnswered()
    {
        StartWithCommands();
        await Eventually.HoldsAsync(() => _api.SessionsReady == 1, "the gateway session is ready");
        var before = await AskAsync(Admin, "articles");
        var session = _api.SessionId;
        var lastSeq = _api.Sequence;

        await _api.SendReconnectAsync();
        await Eventually.HoldsAsync(() => _api.SessionsReady == 2, "the session is resumed");
        var after = await AskAsync(Admin, "status");
        await StopBotAsync();

        Assert.Equal("No articles yet.", before);
        Assert.StartsWith("**Status**\n", after, StringComparison.Ordinal);
        var resume = Assert.Single(_api.GatewayFrames, f => f.Op == 6);
        Assert.Equal(session, resume.Data!["session_id"]!.GetValue<string>());
        Assert.Equal(lastSeq, resume.Data["seq"]!.GetValue<long>());
        Assert.Equal(FakeDiscordApi.ResumePath, resume.Path);
        Assert.Single(_api.GatewayFrames, f => f.Op == 2);
        Assert.Empty(_api.Violations);
    }

    [Fact]
    public async Task Run_WrongToken_OneErrorLineHostKeepsRunningSendsFailAsBefore()
    {
        const string wrong = "MTA5ODc2NTQzMjEwOTg3NjU0.WrOnG.not-the-token-0123456789";
        StartWithCommands(wrong);
        await Eventually.HoldsAsync(() => _bot!.Output.Contains("slash commands are off", StringComparison.Ordinal), "the error line");

        using var http = new HttpClient();
        var health = await http.GetAsync(new Uri($"http://127.0.0.1:{_port}/healthz"));
        await DropAsync("first.txt", Articles.Text("First"));
        await Eventually.HoldsAsync(() => _api.RequestsTo(ChannelA).Any(r => r.Status == 401), "the send is tried and refused");
        var result = await StopBotAsync();

        Assert.Equal(200, (int)health.StatusCode);
        var line = Assert.Single(result.OutputLines, l => l.Contains("slash commands are off", StringComparison.Ordinal));
        Assert.Contains(" fail ", line, StringComparison.Ordinal);
        Assert.Contains("Discord:BotToken", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Empty(_api.CommandRegistrations);
        Assert.Empty(_api.GatewayFrames);
        Assert.Empty(_api.VisibleMessages(ChannelA));
    }

    [Fact]
    public async Task Run_TokenWithoutApplicationId_OneLineSlashCommandsOffNothingRegistered()
    {
        StartBot();
        await Eventually.HoldsAsync(() => _bot!.Output.Contains("slash commands are off", StringComparison.Ordinal), "the notice");

        await DropAsync("first.txt", Articles.Text("First"));
        await Eventually.HoldsAsync(() => _api.VisibleMessages(ChannelA).Count > 0 && _api.VisibleMessages(ChannelB).Count > 0, "both channels announced");
        var result = await StopBotAsync();

        Assert.Single(result.OutputLines, l => l.Contains("Discord:ApplicationId is not set: Discord slash commands are off", StringComparison.Ordinal));
        Assert.Empty(_api.CommandRegistrations);
        Assert.Empty(_api.GatewayFrames);
    }

    private async Task<string> DeliveryLineAsync(string destination)
    {
        var deliveries = await BotProcess.RunAsync(_dir.Path, "deliveries");
        return deliveries.OutputLines.FirstOrDefault(l => l.Contains(destination, StringComparison.Ordinal)) ?? string.Empty;
    }

    private async Task<List<string>> AuditAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_dir.Combine("data", "bot.db")};Mode=ReadOnly;Pooling=False");
        var rows = await connection.QueryAsync<(string Actor, string Action, string Detail, string? Origin)>(
            "SELECT actor, action, detail, origin FROM audit_log WHERE actor LIKE 'discord:%' ORDER BY id");
        return rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Actor} {r.Action} {r.Detail} from {r.Origin}")).ToList();
    }

    /// <summary>
    /// A long article goes out as two messages, the second held back by the channel's budget, while a correction of
    /// the first paragraph arrives: the channel ends up showing the correction whole, and nothing of the first version.
    /// </summary>
    [Fact]
    public async Task Run_CorrectionBetweenTheParts_ChannelShowsTheCorrectionWholeAndNothingOfTheFirstVersion()
    {
        StartBot(null,
            "--Delivery:Pacing:Channels:discord:0:Scope=Channel", "--Delivery:Pacing:Channels:discord:0:Limit=50", "--Delivery:Pacing:Channels:discord:0:Window=00:00:01",
            "--Delivery:Pacing:Channels:discord:1:Scope=Target", "--Delivery:Pacing:Channels:discord:1:Limit=1", "--Delivery:Pacing:Channels:discord:1:Window=00:00:06");
        static string Text(FakeDiscordMessage m) => m.Content + m.Embeds.ToJsonString();

        await DropAsync("v1.md", LongArticle("First version of the lead."));
        await Eventually.HoldsAsync(() => _api.VisibleMessages(ChannelA).Count == 1, "the first part is out");
        await DropAsync("v2.md", LongArticle("Corrected version of the lead."));

        await Eventually.HoldsAsync(
            () => _api.VisibleMessages(ChannelA) is { Count: 2 } shown && Text(shown[0]).Contains("Corrected version", StringComparison.Ordinal),
            "both parts out, the first one corrected");
        await Task.Delay(TimeSpan.FromSeconds(3));

        var messages = _api.VisibleMessages(ChannelA);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.DoesNotContain("First version", Text(m), StringComparison.Ordinal));
        Assert.Single(_api.Messages, m => m.ChannelId == ChannelA && m.Deleted && Text(m).Contains("First version", StringComparison.Ordinal));
        Assert.Equal(3, _api.RequestsTo(ChannelA).Count(r => r.Method == "POST" && r.Status == 200));
    }

    /// <summary>Four paragraphs of about 1,800 characters: two Discord messages, the lead paragraph in the first.</summary>
    private static string LongArticle(string lead)
    {
        var filler = string.Concat(Enumerable.Repeat("The conference closed on Friday evening in Istanbul. ", 34));
        return $"---\nid: long-1\ntitle: A long report\n---\n\n{lead} {filler}\n\nSecond. {filler}\n\nThird. {filler}\n\nFourth. {filler}\n";
    }
}
