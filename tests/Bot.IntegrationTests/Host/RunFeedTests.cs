using System.Net;
using Bot.IntegrationTests.Fakes.Feeds;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary><c>bot run</c> as a process polling RSS feeds from a local server, every channel dry.</summary>
public sealed class RunFeedTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly int _port = FreePort.Next();
    private FakeFeedServer _server = null!;
    private BotProcess? _bot;

    public async Task InitializeAsync() => _server = await FakeFeedServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_bot is not null) await _bot.DisposeAsync();
        await _server.DisposeAsync();
        _http.Dispose();
        _dir.Dispose();
    }

    private string TelegramOutbox => _dir.Combine("data", "outbox", "telegram");

    private string[] TelegramFiles(string pattern) =>
        Directory.Exists(TelegramOutbox) ? Directory.GetFiles(TelegramOutbox, pattern) : [];

    /// <summary>First sends (not edits, not deletes) written to the dry Telegram outbox.</summary>
    private string[] Announcements => [.. TelegramFiles("*-1.json").Where(f => !f.EndsWith("-edit.json", StringComparison.Ordinal))];

    [Fact]
    public async Task Run_RssFeed_AnnouncesItemsOnceThenCorrectionsAndNewItems_BrokenFeedsOnlyWarn()
    {
        var arabic = new RssDocument.Item("quds-1", "مؤتمرون بإسطنبول يعلنون 2023 \"عام القدس\"", "<p>أعلن المؤتمرون في <b>إسطنبول</b> &laquo;عام القدس&raquo;.</p>", Day);
        var second = new RssDocument.Item("quds-2", "بيان ثان", "<p>نص البيان الثاني.</p>", Day.AddHours(1));
        _server.Serve("/news.xml", RssDocument.Of("قدس برس", "ar", arabic, second));
        _server.Serve("/page.html", "<html><body><p>Not a feed</p></body></html>", "text/html");
        _server.Serve("/down.xml", "oops", "text/plain", status: 500);

        await StartAsync(
            "--Sources:Feeds:0:Url=" + _server.Url("/news.xml?key=news-secret"),
            "--Sources:Feeds:0:AllowPrivateNetwork=true",
            "--Sources:Feeds:0:Interval=00:00:01",
            "--Sources:Feeds:1:Url=" + _server.Url("/page.html?token=page-secret"),
            "--Sources:Feeds:1:AllowPrivateNetwork=true",
            "--Sources:Feeds:1:Interval=00:00:01",
            "--Sources:Feeds:2:Url=" + _server.Url("/down.xml?token=down-secret"),
            "--Sources:Feeds:2:AllowPrivateNetwork=true",
            "--Sources:Feeds:2:Interval=00:00:01");

        await Eventually.HoldsAsync(() => Announcements.Length == 2, "both items announced on Telegram");
        await Eventually.HoldsAsync(() => Requests("/news.xml").Count(r => r.Status == 304) >= 2, "two polls answered 304");
        var sent = Announcements.Select(File.ReadAllText).ToList();
        Assert.Equal(2, Announcements.Length);
        Assert.Contains(sent, s => s.Contains("أعلن المؤتمرون في إسطنبول «عام القدس».", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Contains("<b>مؤتمرون بإسطنبول يعلنون 2023 &quot;عام القدس&quot;</b>", StringComparison.Ordinal));
        var polls = Requests("/news.xml");
        Assert.Null(polls[0].IfNoneMatch);
        Assert.Equal(200, polls[0].Status);
        Assert.Equal(FakeFeedServer.ETagOf(RssDocument.Of("قدس برس", "ar", arabic, second)), polls[1].IfNoneMatch);
        Assert.Equal(304, polls[1].Status);
        Assert.Equal("?key=news-secret", polls[0].Query);
        Assert.StartsWith("bot-news-announcer/", polls[0].UserAgent);

        var corrected = second with { Html = "<p>نص البيان الثاني بعد التصحيح.</p>" };
        var third = new RssDocument.Item("quds-3", "بيان ثالث", "<p>نص البيان الثالث.</p>", Day.AddHours(2));
        _server.Serve("/news.xml", RssDocument.Of("قدس برس", "ar", arabic, corrected, third));
        await Eventually.HoldsAsync(() => Announcements.Length == 3, "the new item announced");
        await Eventually.HoldsAsync(() => TelegramFiles("*-edit.json").Length == 1, "the changed item edited in place");

        Assert.Contains("نص البيان الثاني بعد التصحيح.", File.ReadAllText(TelegramFiles("*-edit.json").Single()));
        var articles = await BotProcess.RunAsync(_dir.Path, "articles");
        Assert.True(articles.ExitCode == 0, articles.ToString());
        Assert.Equal(3, articles.OutputLines.Length - 1);
        var log = _bot!.Output + _bot.Error;
        Assert.Contains($"Feed {_server.Url("/page.html")}: not an RSS or Atom feed (the document is <html>)", log);
        Assert.Contains($"Feed {_server.Url("/down.xml")}: fetch failed: HTTP 500 Internal Server Error", log);
        Assert.DoesNotContain("secret", log);
        Assert.DoesNotContain("   at ", log);
        var feedWarnings = log.Split('\n').Where(l => l.Contains(" warn Bot.Host.Sources.Feeds.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(feedWarnings);
        Assert.All(feedWarnings, l => Assert.Matches(@"warn Bot\.Host\.Sources\.Feeds\.FeedPollCycle: Feed http://127\.0\.0\.1:\d+/(page\.html|down\.xml): ", l));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync($"http://127.0.0.1:{_port}/healthz")).StatusCode);
        Assert.False(_bot.HasExited);
    }

    [Fact]
    public async Task Run_FeedWithBacklogOne_AnnouncesOnlyTheNewestThenEveryNewItem()
    {
        var items = Enumerable.Range(1, 3)
            .Select(n => new RssDocument.Item($"item-{n}", $"Item {n}", $"<p>Body of item {n}.</p>", Day.AddHours(n)))
            .ToArray();
        _server.Serve("/news.xml", RssDocument.Of("Desk", "en", items));

        await StartAsync(
            "--Sources:Feeds:0:Url=" + _server.Url("/news.xml"),
            "--Sources:Feeds:0:AllowPrivateNetwork=true",
            "--Sources:Feeds:0:Interval=00:00:01",
            "--Sources:Feeds:0:Backlog=1");
        await Eventually.HoldsAsync(() => Announcements.Length == 1, "the newest item announced");
        var fourth = new RssDocument.Item("item-4", "Item 4", "<p>Body of item 4.</p>", Day.AddHours(4));
        _server.Serve("/news.xml", RssDocument.Of("Desk", "en", [.. items, fourth]));
        await Eventually.HoldsAsync(() => Announcements.Length == 2, "the item added later announced");
        await Eventually.HoldsAsync(() => Requests("/news.xml").Count(r => r.Status == 304) >= 1, "a poll after the new item");

        var sent = Announcements.Select(File.ReadAllText).ToList();
        Assert.Contains(sent, s => s.Contains("Body of item 3.", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Contains("Body of item 4.", StringComparison.Ordinal));
        var articles = await BotProcess.RunAsync(_dir.Path, "articles");
        Assert.Equal(["Item 3", "Item 4"], articles.OutputLines.Skip(1).Select(l => l.Contains("Item 3") ? "Item 3" : l.Contains("Item 4") ? "Item 4" : l).Order());
    }

    private List<FakeFeedRequest> Requests(string path) => [.. _server.Journal.Where(r => r.Path == path)];

    private async Task StartAsync(params string[] feeds)
    {
        _bot = BotProcess.Start(
            _dir.Path,
            ["run", $"--Http:Urls=http://127.0.0.1:{_port}", "--Sources:Seed=", "--Delivery:PollInterval=00:00:01", .. feeds]);
        await Eventually.HoldsAsync(
            async () =>
            {
                if (_bot.HasExited) throw new Xunit.Sdk.XunitException($"bot run exited early:\n{await _bot.WaitForExitAsync()}");
                try
                {
                    return (await _http.GetAsync($"http://127.0.0.1:{_port}/healthz")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "/healthz answers 200");
    }
}
