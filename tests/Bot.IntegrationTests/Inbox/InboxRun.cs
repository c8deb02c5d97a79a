using Bot.Core.Storage;
using Bot.Host.Hosting;
using Bot.Host.Sources;
using Bot.Host.Sources.Inbox;
using Bot.IntegrationTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.IntegrationTests.Inbox;

/// <summary>One <see cref="InboxWatcher"/> running in-process on a real folder, as one host would run it.</summary>
internal sealed class InboxRun : IAsyncDisposable
{
    private readonly InboxWatcher _watcher;

    private InboxRun(InboxWatcher watcher, ArticleFeed feed)
    {
        _watcher = watcher;
        Feed = feed;
    }

    public ArticleFeed Feed { get; }

    /// <summary>The watcher's work, to see it fail (or not) at start.</summary>
    public Task? Execution => _watcher.ExecuteTask;

    public static async Task<InboxRun> StartAsync(string inbox, IArticleStore store, SourcesOptions? options = null, string host = "test-host")
    {
        var settings = options ?? new SourcesOptions();
        settings.Inbox = inbox;
        var readiness = new StoreReadiness();
        readiness.MarkReady();
        var feed = new ArticleFeed();
        var watcher = new InboxWatcher(
            new ArticleImporter(store, feed, TimeProvider.System, NullLogger<ArticleImporter>.Instance),
            readiness,
            Options.Create(settings),
            new HostName(host),
            TimeProvider.System,
            NullLogger<InboxWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(
            () => watcher.ExecuteTask is { IsCompleted: true } || Directory.Exists(Path.Combine(inbox, InboxFolder.Claimed, InboxClaims.FolderName(host))),
            "the watcher has started");
        return new InboxRun(watcher, feed);
    }

    public async ValueTask DisposeAsync()
    {
        await _watcher.StopAsync(CancellationToken.None);
        _watcher.Dispose();
    }
}
