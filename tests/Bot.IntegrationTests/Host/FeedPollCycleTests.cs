using Bot.Core.Articles;
using Bot.Core.Storage;
using Bot.Host.Sources;
using Bot.Host.Sources.Feeds;
using Bot.IntegrationTests.Fakes.Feeds;
using Bot.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary>One poll of one feed against a local server, with the state kept in a store that outlives the poller.</summary>
public sealed class FeedPollCycleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly MemoryArticleStore _articles = new();
    private readonly MemoryBotStateStore _state = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddFeedPolling().BuildServiceProvider();
    private FakeFeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeFeedServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Poll_AfterARestart_SendsTheStoredETagAndA304ImportsNothing()
    {
        _server.Serve("/feed.xml", RssDocument.Of("Desk", "en", new RssDocument.Item("a", "A", "<p>Body A.</p>", Day)));
        var feed = new FeedOptions { Url = _server.Url("/feed.xml"), AllowPrivateNetwork = true };

        var first = await NewCycle().PollAsync(feed, await new FeedStateStore(_state).LoadAsync(feed.Url, default), default);
        var restarted = await new FeedStateStore(_state).LoadAsync(feed.Url, default);
        var second = await NewCycle().PollAsync(feed, restarted, default);

        Assert.Equal(FakeFeedServer.ETagOf(RssDocument.Of("Desk", "en", new RssDocument.Item("a", "A", "<p>Body A.</p>", Day))), first.ETag);
        Assert.Equal(first.ETag, restarted.ETag);
        Assert.True(restarted.Started);
        Assert.Equal([200, 304], _server.Journal.Select(r => r.Status));
        Assert.Equal(first.ETag, _server.Journal[1].IfNoneMatch);
        Assert.Equal(1, (await _articles.GetAsync(feed.Origin.IdOf("a"), null, default))?.Version);
        Assert.Same(restarted, second);
    }

    [Fact]
    public async Task Poll_UnreachableFeed_KeepsTheStateAndImportsNothing()
    {
        var feed = new FeedOptions { Url = $"http://127.0.0.1:{FreePort.Next()}/feed.xml?key=k", AllowPrivateNetwork = true };
        var state = new FeedState("\"e1\"", null, true, []);

        var after = await NewCycle().PollAsync(feed, state, default);

        Assert.Same(state, after);
        Assert.Equal(FeedState.New, await new FeedStateStore(_state).LoadAsync(feed.Url, default));
    }

    [Fact]
    public async Task Poll_FeedPolledBeforeNamespaces_PassesOverWhatItTookInThenAndTakesNewItemsUnderItsName()
    {
        _server.Serve("/feed.xml", RssDocument.Of(
            "Desk", "en",
            new RssDocument.Item("a", "A", "<p>Body A, corrected.</p>", Day),
            new RssDocument.Item("b", "B", "<p>Body B.</p>", Day.AddHours(1))));
        var feed = new FeedOptions { Url = _server.Url("/feed.xml"), Name = "desk", AllowPrivateNetwork = true };
        await _articles.ImportAsync(new Article { Key = "a", Title = "A", Paragraphs = ["Body A."], Language = "en" }, default);
        var beforeUpgrade = new FeedState("\"old\"", null, Started: true, PassedOver: []);

        var after = await NewCycle().PollAsync(feed, beforeUpgrade, default);
        var again = await NewCycle().PollAsync(feed, after with { ETag = null }, default);

        Assert.Equal("desk", after.Namespace);
        Assert.Equal(["a"], after.PassedOver);
        Assert.Equal(["a"], again.PassedOver);
        Assert.Null(await _articles.GetAsync("@desk/a", null, default));
        Assert.Equal(1, (await _articles.GetAsync("@desk/b", null, default))?.Version);
        var newsroom = await _articles.GetAsync("a", null, default);
        Assert.Equal((1, ArticleOrigin.Newsroom, "Body A."), (newsroom!.Version, newsroom.Origin, newsroom.Paragraphs.Single()));
    }

    [Fact]
    public async Task Poll_RenamedFeed_PassesOverItemsOfTheOldName()
    {
        _server.Serve("/feed.xml", RssDocument.Of("Desk", "en", new RssDocument.Item("a", "A", "<p>Body A.</p>", Day)));
        var feed = new FeedOptions { Url = _server.Url("/feed.xml"), Name = "old", AllowPrivateNetwork = true };
        var first = await NewCycle().PollAsync(feed, FeedState.New, default);
        _server.Serve("/feed.xml", RssDocument.Of(
            "Desk", "en", new RssDocument.Item("a", "A", "<p>Body A.</p>", Day), new RssDocument.Item("b", "B", "<p>Body B.</p>", Day.AddHours(1))));

        var renamed = await NewCycle().PollAsync(new FeedOptions { Url = feed.Url, Name = "new", AllowPrivateNetwork = true }, first, default);

        Assert.Equal(["a"], renamed.PassedOver);
        Assert.Null(await _articles.GetAsync("@new/a", null, default));
        Assert.NotNull(await _articles.GetAsync("@old/a", null, default));
        Assert.NotNull(await _articles.GetAsync("@new/b", null, default));
    }

    [Fact]
    public void DefaultName_FeedUrls_HostPortAndPathAsASlugWithoutSchemeOrQuery()
    {
        Assert.Equal("www.example.org-news-feed.xml", FeedOptions.DefaultName("https://www.example.org/news/feed.xml?key=secret"));
        Assert.Equal("www.example.org-news-feed.xml", FeedOptions.DefaultName("http://WWW.Example.org/News/Feed.xml"));
        Assert.Equal("127.0.0.1-8080-rss", FeedOptions.DefaultName("http://127.0.0.1:8080/rss/"));
        Assert.Equal("xn--mgbh0fb.example", FeedOptions.DefaultName("https://مثال.example/"));
        var longName = FeedOptions.DefaultName("https://example.org/" + string.Join('/', Enumerable.Repeat("segment", 20)));
        Assert.Equal(ArticleOrigin.MaxFeedNameLength, longName.Length);
        Assert.True(ArticleOrigin.IsValidFeedName(longName));
        Assert.NotEqual(longName, FeedOptions.DefaultName("https://example.org/" + string.Join('/', Enumerable.Repeat("segment", 21))));
    }

    [Fact]
    public void ForLog_FeedUrl_LosesQueryFragmentAndUserInfo() =>
        Assert.Equal("https://example.org/news/feed.xml", FeedAddress.ForLog("https://user:pw@example.org/news/feed.xml?key=k#top"));

    private FeedPollCycle NewCycle()
    {
        var time = new FakeTimeProvider(Day);
        var importer = new ArticleImporter(_articles, new ArticleFeed(), time, NullLogger<ArticleImporter>.Instance);
        return new FeedPollCycle(
            _services.GetRequiredService<FeedFetcher>(),
            new FeedStateStore(_state),
            importer,
            _articles,
            time,
            NullLogger<FeedPollCycle>.Instance);
    }
}
