using Bot.Host.Sources;
using Bot.Host.Sources.Inbox;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Inbox;

/// <summary>The inbox worker in-process on a real folder, in front of an in-memory store: when a file is taken.</summary>
public sealed class InboxWatcherTests : IAsyncLifetime
{
    /// <summary>So long that a file taken within a test was taken on the kernel's event, not by the settle time.</summary>
    private static readonly TimeSpan Forever = TimeSpan.FromHours(1);

    private readonly InboxTestBed _bed = new();
    private readonly MemoryArticleStore _store = new();

    private string Inbox => _bed.Inbox;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _bed.DisposeAsync().AsTask();

    [Fact]
    public async Task BrokenFilesWithTheSameName_AreBothRejectedWithTheirReasons()
    {
        await StartAsync();

        _bed.Dir.Write("inbox/broken.json", Articles.BrokenJson);
        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "rejected", "broken.json.reason")), "first reason");
        _bed.Dir.Write("inbox/broken.json", "[]");
        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "rejected", "broken-1.json.reason")), "second reason");

        Assert.Equal(Articles.BrokenJson, await File.ReadAllTextAsync(Path.Combine(Inbox, "rejected", "broken.json")));
        Assert.Equal("[]", await File.ReadAllTextAsync(Path.Combine(Inbox, "rejected", "broken-1.json")));
        Assert.Single(await File.ReadAllLinesAsync(Path.Combine(Inbox, "rejected", "broken-1.json.reason")));
    }

    [Fact]
    public async Task EmptyFile_IsRejectedOnceItStaysEmpty()
    {
        await StartAsync();

        _bed.Dir.Write("inbox/empty.txt", "");

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "rejected", "empty.txt.reason")), "empty.txt rejected");
    }

    [Fact]
    public async Task ImportedFile_IsAnnouncedOnTheFeedAndStored()
    {
        var run = await StartAsync();
        using var subscription = new CancellationTokenSource();
        var notices = run.Feed.SubscribeAsync(subscription.Token).GetAsyncEnumerator();
        var next = notices.MoveNextAsync();

        _bed.Dir.Write("inbox/news.md", "---\ntitle: From the inbox\nid: inbox-1\n---\nBody paragraph.\n");

        Assert.True(await next.AsTask().WaitAsync(Eventually.DefaultLimit));
        Assert.Equal("inbox-1", notices.Current.Key);
        Assert.NotNull(await _store.GetAsync("inbox-1", null, CancellationToken.None));
        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "processed", "news.md")), "news.md processed");
        await subscription.CancelAsync();
    }

    [Fact]
    public async Task RenamedIn_SettleTimeEndless_IsTakenOnTheMovedInEvent()
    {
        await StartAsync(new SourcesOptions { InboxWatch = InboxWatchMode.Notify, InboxSettle = Forever });
        var staged = _bed.Dir.Write("staging/renamed.md", Story("renamed-1", "Renamed in"));

        File.Move(staged, Path.Combine(Inbox, "renamed.md"));

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "processed", "renamed.md")), "renamed.md processed");
        Assert.Equal("Renamed in", (await _store.GetAsync("renamed-1", null, CancellationToken.None))?.Title);
    }

    [Fact]
    public async Task WrittenInPlace_SettleTimeEndless_IsTakenOnTheCloseAfterWriteEvent()
    {
        await StartAsync(new SourcesOptions { InboxWatch = InboxWatchMode.Notify, InboxSettle = Forever });

        _bed.Dir.Write("inbox/in-place.md", Story("in-place-1", "Written in place"));

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "processed", "in-place.md")), "in-place.md processed");
        Assert.Equal("Written in place", (await _store.GetAsync("in-place-1", null, CancellationToken.None))?.Title);
    }

    [Fact]
    public async Task PresentAtStart_NoEventForIt_IsTakenOnceSettled()
    {
        _bed.Dir.Write("inbox/early.md", Story("early-1", "There before the host"));

        await StartAsync(new SourcesOptions { InboxWatch = InboxWatchMode.Notify, InboxSettle = TimeSpan.FromMilliseconds(200) });

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "processed", "early.md")), "early.md processed");
        Assert.NotNull(await _store.GetAsync("early-1", null, CancellationToken.None));
    }

    [Fact]
    public async Task Poll_RenamedIn_IsTakenOnceSettled()
    {
        await StartAsync(new SourcesOptions { InboxWatch = InboxWatchMode.Poll, InboxSettle = TimeSpan.FromMilliseconds(300) });
        var staged = _bed.Dir.Write("staging/polled.md", Story("polled-1", "Found by polling"));

        File.Move(staged, Path.Combine(Inbox, "polled.md"));

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "processed", "polled.md")), "polled.md processed");
        Assert.NotNull(await _store.GetAsync("polled-1", null, CancellationToken.None));
    }

    [Fact]
    public async Task InboxDeletedUnderTheHost_IsRecreatedAndFilesAreTakenAgain()
    {
        await StartAsync(new SourcesOptions { InboxWatch = InboxWatchMode.Notify, InboxSettle = TimeSpan.FromMilliseconds(200) });

        Directory.Delete(Inbox, recursive: true);
        await Eventually.HoldsAsync(() => Directory.Exists(Path.Combine(Inbox, "processed")), "the inbox folders are back");
        _bed.Dir.Write("inbox/after.md", Story("after-1", "After the folder came back"));

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "processed", "after.md")), "after.md processed");
    }

    internal static string Story(string id, string title) => $"---\ntitle: {title}\nid: {id}\n---\nThe whole body of “{title}”.\n";

    private Task<InboxRun> StartAsync(SourcesOptions? options = null) => _bed.StartAsync(_store, options);
}
