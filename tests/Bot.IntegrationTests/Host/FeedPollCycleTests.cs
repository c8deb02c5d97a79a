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
        Assert.Equal(1, (await _articles.GetAsync("a", null, default))?.Version);
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
            time,
            NullLogger<FeedPollCycle>.Instance);
    }
}
