using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Bot.IntegrationTests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

/// <summary><c>bot run</c> as a process with readers subscribing in private chats, against the strict fake Bot API.</summary>
public sealed class RunTelegramSubscribersTests : IAsyncLifetime
{
    private const long Admin = 42;
    private const long Everything = 5001;
    private const long Sport = 5002;
    private const long Blocker = 5003;

    private readonly TempDirectory _dir = new();
    private readonly int _port = FreePort.Next();
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

    [Fact]
    public async Task Run_ReadersStartStopAndBlock_EachChatGetsExactlyWhatItAskedFor()
    {
        _bot = TelegramBotRun.Start(_dir.Path, _api, _port, Admin);
        await Eventually.HoldsAsync(() => _api.Journal.Any(r => r.Method == "setMyCommands"), "the command menu is published");

        _api.InjectMessage(Everything, Everything, "/start");
        _api.InjectMessage(Sport, Sport, "/start Sport");
        _api.InjectMessage(Blocker, Blocker, "/start");
        await Eventually.HoldsAsync(() => new[] { Everything, Sport, Blocker }.All(c => Visible(c).Count == 1), "every reader is answered");
        _api.FailChat(Blocker.ToString(), FakeTelegramFailure.BlockedByUser);

        Publish("gaza-1", "Gaza briefing", "Gaza");
        await Eventually.HoldsAsync(() => Visible(Everything).Count == 2 && _api.RequestsTo(Blocker.ToString()).Count == 2, "the first article reached the readers");
        Publish("sport-1", "Match report", "sport");
        await Eventually.HoldsAsync(() => Visible(Everything).Count == 3 && Visible(Sport).Count == 2, "the sport article reached both readers");
        _api.InjectMessage(Everything, Everything, "/stop");
        await Eventually.HoldsAsync(() => Visible(Everything).Count == 4, "the /stop is answered");
        Publish("sport-2", "Second match report", "SPORT");
        await Eventually.HoldsAsync(() => Visible(Sport).Count == 3, "the second sport article reached the sport reader");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(["Welcome!", "Gaza briefing", "Match report", "You are unsubscribed"], Visible(Everything).Select(Gist));
        Assert.Equal(["Welcome!", "Match report", "Second match report"], Visible(Sport).Select(Gist));
        Assert.Equal(["Welcome!"], Visible(Blocker).Select(Gist));
        Assert.Equal(4, _api.RequestsTo(Everything.ToString()).Count(r => r.Method == "sendMessage" && r.StatusCode == 200));
        Assert.Equal(3, _api.RequestsTo(Sport.ToString()).Count(r => r.Method == "sendMessage" && r.StatusCode == 200));
        Assert.Equal([200, 403], _api.RequestsTo(Blocker.ToString()).Select(r => r.StatusCode));

        await using var db = new SqliteConnection($"Data Source={_dir.Combine("data", "bot.db")};Mode=ReadOnly");
        var rows = (await db.QueryAsync<(long Chat, string? Topic, string Status, string? Reason)>(
            "SELECT chat_id, topic, status, reason FROM telegram_subscribers ORDER BY chat_id")).ToList();
        Assert.Equal(
            [(Everything, null, "unsubscribed", null), (Sport, "sport", "active", null), (Blocker, null, "blocked", "Telegram 403: Forbidden: bot was blocked by the user")],
            rows);
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT disabled FROM destinations WHERE name = 'telegram-subscribers'"));
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM audit_log WHERE action = 'subscriber-blocked' AND detail LIKE '{Blocker}: %'"));
        Assert.DoesNotContain(_api.Token, _bot.Output + _bot.Error);
    }

    private IReadOnlyList<FakeTelegramMessage> Visible(long chat) => _api.VisibleMessages(chat.ToString(System.Globalization.CultureInfo.InvariantCulture));

    // What a reader sees first: the greeting's English part or the article's title.
    private static string Gist(FakeTelegramMessage message) =>
        new[] { "Welcome!", "You are unsubscribed", "Second match report", "Match report", "Gaza briefing" }.FirstOrDefault(message.Text.Contains) ?? message.Text;

    private void Publish(string id, string title, string tag)
    {
        // Written beside the inbox and moved in whole, so the watcher never reads half a file.
        var draft = _dir.Write(id + ".md", $"---\nid: {id}\ntitle: {title}\ntags: [{tag}]\nlanguage: en\n---\nA short body for {id}.\n");
        File.Move(draft, _dir.Combine("data", "inbox", id + ".md"));
    }
}
