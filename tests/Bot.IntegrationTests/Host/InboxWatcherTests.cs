using Bot.Host.Hosting;
using Bot.Host.Sources;
using Bot.IntegrationTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary>The inbox worker in-process, in front of an in-memory store.</summary>
public sealed class InboxWatcherTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly MemoryArticleStore _store = new();
    private readonly ArticleFeed _feed = new();
    private InboxWatcher? _watcher;

    private string Inbox => _dir.Combine("inbox");

    public async Task InitializeAsync()
    {
        var readiness = new StoreReadiness();
        readiness.MarkReady();
        _watcher = new InboxWatcher(
            new ArticleImporter(_store, _feed, TimeProvider.System, NullLogger<ArticleImporter>.Instance),
            readiness,
            Options.Create(new SourcesOptions { Inbox = Inbox }),
            TimeProvider.System,
            NullLogger<InboxWatcher>.Instance);
        await _watcher.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => Directory.Exists(Path.Combine(Inbox, "rejected")), "the inbox folders are created");
    }

    public async Task DisposeAsync()
    {
        if (_watcher is not null)
        {
            await _watcher.StopAsync(CancellationToken.None);
            _watcher.Dispose();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task BrokenFilesWithTheSameName_AreBothRejectedWithTheirReasons()
    {
        _dir.Write("inbox/broken.json", Articles.BrokenJson);
        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "rejected", "broken.json.reason")), "first reason");
        _dir.Write("inbox/broken.json", "[]");
        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "rejected", "broken-1.json.reason")), "second reason");

        Assert.Equal(Articles.BrokenJson, await File.ReadAllTextAsync(Path.Combine(Inbox, "rejected", "broken.json")));
        Assert.Equal("[]", await File.ReadAllTextAsync(Path.Combine(Inbox, "rejected", "broken-1.json")));
        Assert.Single(await File.ReadAllLinesAsync(Path.Combine(Inbox, "rejected", "broken-1.json.reason")));
    }

    [Fact]
    public async Task EmptyFile_IsRejectedOnceItStaysEmpty()
    {
        _dir.Write("inbox/empty.txt", "");

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "rejected", "empty.txt.reason")), "empty.txt rejected");
    }

    [Fact]
    public async Task ImportedFile_IsAnnouncedOnTheFeedAndStored()
    {
        using var subscription = new CancellationTokenSource();
        var notices = _feed.SubscribeAsync(subscription.Token).GetAsyncEnumerator();
        var next = notices.MoveNextAsync();

        _dir.Write("inbox/news.md", "---\ntitle: From the inbox\nid: inbox-1\n---\nBody paragraph.\n");

        Assert.True(await next.AsTask().WaitAsync(Eventually.DefaultLimit));
        Assert.Equal("inbox-1", notices.Current.Key);
        Assert.NotNull(await _store.GetAsync("inbox-1", null, CancellationToken.None));
        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "processed", "news.md")), "news.md processed");
        await subscription.CancelAsync();
    }
}
