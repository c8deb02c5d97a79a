using Bot.IntegrationTests.Fakes.Feeds;
using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Bot.IntegrationTests.Support;
using Bot.IntegrationTests.Telegram;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary>
/// <c>bot run</c> as a process polling feeds from local servers and announcing to the strict fake Bot API: each feed
/// is its own key namespace, and a retraction sticks when the feed lists the item again.
/// </summary>
public sealed class RunFeedIdentityTests : IAsyncLifetime
{
    private const string Channel = "-1001000000001";
    private static readonly DateTimeOffset Day = new(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();
    private readonly int _port = FreePort.Next();
    private FakeFeedServer _alpha = null!;
    private FakeFeedServer _beta = null!;
    private FakeTelegramBotApi _api = null!;
    private BotProcess? _bot;

    public async Task InitializeAsync()
    {
        _alpha = await FakeFeedServer.StartAsync();
        _beta = await FakeFeedServer.StartAsync();
        _api = await FakeTelegramBotApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_bot is not null) await _bot.DisposeAsync();
        await _alpha.DisposeAsync();
        await _beta.DisposeAsync();
        await _api.DisposeAsync();
        _dir.Dispose();
    }

    private IReadOnlyList<FakeTelegramRequest> Requests(string method) => [.. _api.RequestsTo(Channel).Where(r => r.Method == method)];

    [Fact]
    public async Task Run_TwoFeedsAndTheNewsroomShareAKey_ThreeArticlesEachAnnouncedAndCorrectedOnItsOwn()
    {
        _dir.Write("newsroom.json", """{"id": "shared", "title": "Newsroom piece", "body": "Written by the desk."}""");
        var imported = await BotProcess.RunAsync(_dir.Path, "import", "newsroom.json");
        Assert.True(imported.ExitCode == 0, imported.ToString());
        _alpha.Serve("/news.xml", RssDocument.Of("Alpha", "en", new RssDocument.Item("shared", "Alpha item", "<p>Alpha text.</p>", Day)));
        _beta.Serve("/news.xml", RssDocument.Of("Beta", "en", new RssDocument.Item("shared", "Beta item", "<p>Beta text.</p>", Day)));
        var betaName = $"127.0.0.1-{_beta.BaseUrl.Port}-news.xml";

        await StartAsync(
            "--Sources:Feeds:0:Url=" + _alpha.Url("/news.xml"), "--Sources:Feeds:0:Name=alpha", "--Sources:Feeds:0:Interval=00:00:01", "--Sources:Feeds:0:AllowPrivateNetwork=true",
            "--Sources:Feeds:1:Url=" + _beta.Url("/news.xml"), "--Sources:Feeds:1:Interval=00:00:01", "--Sources:Feeds:1:AllowPrivateNetwork=true");
        await Eventually.HoldsAsync(() => _api.VisibleMessages(Channel).Count == 3, "the newsroom article and both feed items announced");
        var alphaMessage = _api.VisibleMessages(Channel).Single(m => m.Text.Contains("Alpha text.", StringComparison.Ordinal));
        _alpha.Serve("/news.xml", RssDocument.Of("Alpha", "en", new RssDocument.Item("shared", "Alpha item", "<p>Alpha text, corrected.</p>", Day)));
        await Eventually.HoldsAsync(() => Requests("editMessageText").Count == 1, "the alpha item's message edited");
        await Eventually.HoldsAsync(() => _beta.Journal.Count(r => r.Status == 304) >= 3, "the beta feed polled a few more times");
        var articles = await BotProcess.RunAsync(_dir.Path, "articles");
        var alpha = await BotProcess.RunAsync(_dir.Path, "articles", "@alpha/shared");

        Assert.Equal(3, Requests("sendMessage").Count(r => r.StatusCode == 200));
        Assert.Equal(alphaMessage.MessageId, (int)Requests("editMessageText").Single().Json!["message_id"]!);
        var messages = _api.VisibleMessages(Channel);
        Assert.Equal(3, messages.Count);
        Assert.Contains("Alpha text, corrected.", _api.Message(Channel, alphaMessage.MessageId)!.Text);
        Assert.Equal(0, messages.Single(m => m.Text.Contains("Beta text.", StringComparison.Ordinal)).Edits);
        Assert.Equal(0, messages.Single(m => m.Text.Contains("Written by the desk.", StringComparison.Ordinal)).Edits);
        Assert.Equal(
            [$"@{betaName}/shared  1", "@alpha/shared  2", "shared  1"],
            articles.OutputLines.Skip(1).Select(l => string.Join("  ", l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2))).Order(StringComparer.Ordinal));
        Assert.Equal("ID", articles.OutputLines[0].Split(' ')[0]);
        Assert.Contains("origin:    feed alpha", alpha.OutputLines);
        Assert.Contains("version:   2", alpha.OutputLines);
    }

    [Fact]
    public async Task Run_RetractedItemListedAgain_NoNewVersionAndNothingSentForIt()
    {
        var item = new RssDocument.Item("quds-1", "مؤتمرون بإسطنبول", "<p>أعلن المؤتمرون في إسطنبول.</p>", Day);
        _alpha.Serve("/news.xml", RssDocument.Of("قدس برس", "ar", item));
        await StartAsync("--Sources:Feeds:0:Url=" + _alpha.Url("/news.xml"), "--Sources:Feeds:0:Name=quds", "--Sources:Feeds:0:Interval=00:00:01", "--Sources:Feeds:0:AllowPrivateNetwork=true");
        await Eventually.HoldsAsync(() => _api.VisibleMessages(Channel).Count == 1, "the item announced");

        var retracted = await BotProcess.RunAsync(_dir.Path, "retract", "@quds/quds-1");
        Assert.True(retracted.ExitCode == 0, retracted.ToString() + "\n--- bot\n" + _bot!.Output + _bot.Error);
        await Eventually.HoldsAsync(() => Requests("deleteMessages").Count == 1, "the message deleted");
        var next = new RssDocument.Item("quds-2", "بيان ثان", "<p>نص البيان الثاني.</p>", Day.AddHours(1));
        _alpha.Serve("/news.xml", RssDocument.Of("قدس برس", "ar", item, next));
        await Eventually.HoldsAsync(() => _api.VisibleMessages(Channel).Count == 1 && _api.VisibleMessages(Channel)[0].Text.Contains("نص البيان الثاني.", StringComparison.Ordinal), "the next item announced");
        await Eventually.HoldsAsync(() => _alpha.Journal.Count(r => r.Status == 304) >= 3, "the feed polled a few more times");
        var shown = await BotProcess.RunAsync(_dir.Path, "articles", "@quds/quds-1");

        Assert.True(retracted.ExitCode == 0, retracted.ToString());
        Assert.Equal("@quds/quds-1  2  retracted  مؤتمرون بإسطنبول", retracted.OutputLines.Single());
        Assert.Equal(2, Requests("sendMessage").Count);
        Assert.Empty(Requests("editMessageText"));
        Assert.Single(Requests("deleteMessages"));
        Assert.Contains("version:   2", shown.OutputLines);
        Assert.Contains("retracted: yes", shown.OutputLines);
        Assert.DoesNotContain("   at ", _bot!.Output + _bot.Error);
    }

    private async Task StartAsync(params string[] feeds)
    {
        _bot = TelegramBotRun.Start(
            _dir.Path, _api, _port, 42,
            ["--Delivery:PollInterval=00:00:01", "--Telegram:Destinations:0:Name=news", $"--Telegram:Destinations:0:ChatId={Channel}", .. feeds]);
        await _bot.WaitUntilHealthyAsync(_port);
    }
}
