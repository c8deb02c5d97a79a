using Bot.Core.Hosts;
using Bot.Host.Hosting;
using Bot.Host.Sources;
using Bot.Host.Sources.Feeds;
using Bot.IntegrationTests.Fakes.Feeds;
using Bot.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary>The poller's schedule on a fake clock: a fetch once the store is ready, then one per interval.</summary>
public sealed class FeedPollWorkerTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly MemoryBotStateStore _state = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddFeedPolling().BuildServiceProvider();
    private FakeFeedServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeFeedServer.StartAsync();
        _server.Serve("/feed.xml", RssDocument.Of("Desk", "en", new RssDocument.Item("a", "A", "<p>Body.</p>", _time.GetUtcNow())));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Worker_FetchesWhenTheStoreIsReady_ThenOncePerInterval()
    {
        var readiness = new StoreReadiness();
        using var worker = NewWorker(readiness);
        await worker.StartAsync(default);

        _time.Advance(Interval * 3);
        var beforeReady = _server.Journal.Count;
        readiness.MarkReady();
        await Eventually.HoldsAsync(() => _server.Journal.Count == 1, "the first fetch once the store is ready");
        await Eventually.HoldsAsync(
            () =>
            {
                // The loop may not have started its wait yet; moving the clock again is harmless.
                if (_server.Journal.Count < 2) _time.Advance(Interval);
                return _server.Journal.Count >= 2;
            },
            "a second fetch after one interval");
        await worker.StopAsync(default);

        Assert.Equal(0, beforeReady);
        Assert.Equal([200, 304], _server.Journal.Take(2).Select(r => r.Status));
    }

    private FeedPollWorker NewWorker(StoreReadiness readiness)
    {
        var options = Options.Create(new SourcesOptions { Feeds = [new FeedOptions { Url = _server.Url("/feed.xml"), Interval = Interval, AllowPrivateNetwork = true }] });
        var states = new FeedStateStore(_state);
        var articles = new MemoryArticleStore();
        var importer = new ArticleImporter(articles, new ArticleFeed(), _time, NullLogger<ArticleImporter>.Instance);
        var cycle = new FeedPollCycle(_services.GetRequiredService<FeedFetcher>(), states, importer, articles, _time, NullLogger<FeedPollCycle>.Instance);
        return new FeedPollWorker(cycle, states, readiness, new AlwaysLeaderElector(_state), options, _time, NullLogger<FeedPollWorker>.Instance);
    }
}
