using System.Text;
using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Bot.IntegrationTests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

/// <summary>
/// <c>bot run</c> as a process against the strict fake Bot API when Telegram pushes back: a 429, a kicked
/// channel, a group that became a supergroup; and the admin's /publish and /subscribers across a restart.
/// </summary>
public sealed class RunTelegramAdminTests : IAsyncLifetime
{
    private const string ChannelA = "-1001000000001";
    private const string ChannelB = "-1001000000002";
    private const string Group = "-2001";
    private const string Supergroup = "-1002001";
    private const long Admin = 42;
    private const string AdminChat = "42";

    private readonly TempDirectory _dir = new();
    private readonly int _port = FreePort.Next();
    private readonly StringBuilder _hostOutput = new();
    private FakeTelegramBotApi _api = null!;
    private BotProcess? _bot;

    public async Task InitializeAsync() => _api = await FakeTelegramBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        if (_bot is not null) await _bot.DisposeAsync();
        await _api.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private string[] Settings(params string[] destinations) => TelegramBotRun.Settings(
        _api,
        _port,
        Admin,
        [
            "--Email:Destinations:0:Name=weekly",
            .. destinations.SelectMany((chat, i) => new[] { $"--Telegram:Destinations:{i}:Name=news-{i}", $"--Telegram:Destinations:{i}:ChatId={chat}" }),
        ]);

    private BotProcess StartBot(params string[] destinations) =>
        _bot = BotProcess.Start(_dir.Path, TelegramBotRun.Environment(_api), ["run", .. Settings(destinations)]);

    private async Task StopBotAsync()
    {
        _bot!.Terminate();
        var result = await _bot.WaitForExitAsync();
        _hostOutput.Append(result.Output).Append(result.Error);
        await _bot.DisposeAsync();
        _bot = null;
    }

    private async Task DropAsync(string name, string content)
    {
        await Eventually.HoldsAsync(() => Directory.Exists(_dir.Combine("data", "inbox")), "the inbox exists");
        await File.WriteAllTextAsync(_dir.Combine("data", "inbox", name + ".tmp"), content);
        File.Move(_dir.Combine("data", "inbox", name + ".tmp"), _dir.Combine("data", "inbox", name));
    }

    private IReadOnlyList<string> AdminMessages() => [.. _api.VisibleMessages(AdminChat).Select(m => m.Text)];

    [Fact]
    public async Task Run_ChannelAnswers429_NoRequestToItBeforeRetryAfterAndEverythingArrives()
    {
        _api.FailChat(ChannelA, FakeTelegramFailure.TooManyRequests(3), times: 1);
        StartBot(ChannelA, ChannelB);

        await DropAsync("quds.txt", await File.ReadAllTextAsync(Articles.SamplePath));
        await Eventually.HoldsAsync(() => _api.VisibleMessages(ChannelB).Count > 0, "the other channel announced");
        var parts = _api.VisibleMessages(ChannelB).Count;
        await Eventually.HoldsAsync(() => _api.VisibleMessages(ChannelA).Count == parts, "the limited channel announced in full");
        await StopBotAsync();

        var requests = _api.RequestsTo(ChannelA);
        Assert.Equal(429, requests[0].StatusCode);
        Assert.All(requests.Skip(1), r => Assert.True(r.At >= requests[0].At.AddSeconds(3), $"{r.Method} at {r.At:O}, 429 at {requests[0].At:O}"));
        Assert.Equal(parts, requests.Count(r => r.StatusCode == 200));
        Assert.Equal(_api.VisibleMessages(ChannelB).Select(m => m.Text), _api.VisibleMessages(ChannelA).Select(m => m.Text));
        Assert.DoesNotContain(_api.Journal, r => r.StatusCode == 429 && r.Chat != ChannelA);
    }

    [Fact]
    public async Task Run_KickedChannelAndMigratedGroup_DisabledWithReasonFollowedAndAdminsTold()
    {
        _api.FailChat(ChannelB, FakeTelegramFailure.KickedFromChannel);
        _api.FailChat(Group, FakeTelegramFailure.MigratedTo(long.Parse(Supergroup)));
        StartBot(ChannelA, ChannelB, Group);

        await DropAsync("first.txt", Articles.Text("First <b>news</b> & more"));
        await Eventually.HoldsAsync(() => AdminMessages().Count == 2, "both notices reach the admin");
        await Eventually.HoldsAsync(() => _api.VisibleMessages(Supergroup).Count == 1, "the first article lands in the supergroup");
        await DropAsync("second.txt", Articles.Text("Second"));
        await Eventually.HoldsAsync(() => _api.VisibleMessages(Supergroup).Count == 2 && _api.VisibleMessages(ChannelA).Count == 2, "the second article lands");
        var destinations = await DestinationRowsAsync();
        await StopBotAsync();

        Assert.Equal((1L, "Telegram 403: Forbidden: bot was kicked from the channel chat", ChannelB), destinations["news-1"]);
        Assert.Equal((0L, (string?)null, Supergroup), destinations["news-2"]);
        Assert.Single(_api.RequestsTo(ChannelB));
        Assert.Single(_api.RequestsTo(Group));
        var notices = AdminMessages();
        Assert.Contains(notices, n => n.StartsWith("⛔ news-1 is disabled\nTelegram 403: Forbidden: bot was kicked from the channel chat\n", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.StartsWith($"↪️ news-2 moved to {Supergroup}\n", StringComparison.Ordinal));
        Assert.All(_api.RequestsTo(AdminChat), r => Assert.Equal("Html", r.Json!["parse_mode"]!.GetValue<string>()));
        Assert.Contains("First <b>news</b> & more", _api.VisibleMessages(Supergroup)[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PublishSubscribersAndRestart_AnnouncedAgainOnceCountsShownNothingAnsweredTwiceNoTokenAnywhere()
    {
        // Confirming polls never reach the fake: after the restart only the stored offset stops old commands coming back.
        _api.HoldConfirmations = true;
        await CliAsync("subscribers", "add", "a@example.org", "--list", "weekly");
        await CliAsync("subscribers", "add", "b@example.org", "--list", "weekly");
        var import = await CliAsync("import", Articles.SamplePath);
        var key = import.OutputLines[0].Split(' ')[0];
        StartBot(ChannelA, ChannelB);
        await Eventually.HoldsAsync(() => _api.VisibleMessages(ChannelA).Count > 0 && _api.VisibleMessages(ChannelB).Count > 0, "the article announced");
        var parts = _api.VisibleMessages(ChannelB).Count;
        await Eventually.HoldsAsync(() => _api.VisibleMessages(ChannelA).Count == parts, "the article announced in full");

        _api.InjectMessage(Admin, Admin, "/publish " + key);
        await Eventually.HoldsAsync(() => AdminMessages().Count == 1, "/publish answered");
        _api.InjectMessage(Admin, Admin, "/publish " + key);
        await Eventually.HoldsAsync(() => AdminMessages().Count == 2, "the double tap answered");
        _api.InjectMessage(Admin, Admin, "/subscribers");
        await Eventually.HoldsAsync(() => AdminMessages().Count == 3, "/subscribers answered");
        await Eventually.HoldsAsync(() => _api.VisibleMessages(ChannelA).Count == 2 * parts && _api.VisibleMessages(ChannelB).Count == 2 * parts, "announced again");
        await StopBotAsync();
        _api.InjectMessage(Admin, Admin, "/destinations");
        StartBot(ChannelA, ChannelB);
        await Eventually.HoldsAsync(() => AdminMessages().Count >= 4, "the command sent while down answered");
        var menu = _api.Commands.Select(c => c!["command"]!.GetValue<string>()).ToList();
        await StopBotAsync();
        var deliveries = await CliAsync("deliveries", "--article", key);

        var replies = AdminMessages();
        Assert.True(replies.Count == 4, string.Join("\n---\n", replies));
        // Both channels, the two subscribers of the email list, the implicit destination of the dry Discord channel,
        // and the private-chat subscribers (none here).
        Assert.Equal($"Publishing {key} v1 again: 5 new deliveries to 5 destinations.", replies[0]);
        Assert.Contains("nothing new queued", replies[1], StringComparison.Ordinal);
        Assert.Equal("Subscribers\nweekly: 2 active, 0 pending, 0 bounced, 0 unsubscribed\nTelegram private chats: 0 active, 0 unsubscribed, 0 blocked", replies[2]);
        Assert.StartsWith("Destinations\n", replies[3], StringComparison.Ordinal);
        Assert.Equal(10, deliveries.OutputLines.Count(l => l.Contains(key, StringComparison.Ordinal)));
        Assert.Contains("publish", menu);
        Assert.Contains("subscribers", menu);
        AssertTokenNowhere();
    }

    private async Task<BotResult> CliAsync(params string[] args)
    {
        var result = await BotProcess.RunAsync(_dir.Path, TelegramBotRun.Environment(_api), [.. args, .. Settings(ChannelA, ChannelB)]);
        Assert.True(result.ExitCode == 0, result.ToString());
        _hostOutput.Append(result.Output).Append(result.Error);
        return result;
    }

    private async Task<Dictionary<string, (long Disabled, string? Reason, string Address)>> DestinationRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_dir.Combine("data", "bot.db")};Mode=ReadOnly;Pooling=False");
        var rows = await connection.QueryAsync<(string Name, long Disabled, string? Reason, string Address)>(
            "SELECT name, disabled, disabled_reason, address FROM destinations");
        return rows.ToDictionary(r => r.Name, r => (r.Disabled, r.Reason, r.Address));
    }

    // What the host wrote: its output, and every file under its working folder (the store, its WAL, the outbox).
    private void AssertTokenNowhere()
    {
        var secret = _api.Token.Split(':')[1];
        Assert.DoesNotContain(secret, _hostOutput.ToString(), StringComparison.Ordinal);
        var files = Directory.EnumerateFiles(_dir.Path, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("bot.db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0, $"the token is in {file}");
        }
    }
}
