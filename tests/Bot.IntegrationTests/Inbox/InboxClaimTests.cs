using System.Diagnostics;
using Bot.Host.Sources;
using Bot.Host.Sources.Inbox;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Inbox;

/// <summary>Claims: several watchers on one folder, hosts that die holding files, a store that is down, a stop.</summary>
public sealed class InboxClaimTests : IAsyncLifetime
{
    private readonly InboxTestBed _bed = new();
    private readonly MemoryArticleStore _memory = new();

    private string Inbox => _bed.Inbox;

    private string Processed => _bed.Processed;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _bed.DisposeAsync().AsTask();

    [Fact]
    public async Task TwoWatchersOnOneFolder_EachOfManyFiles_IsTakenExactlyOnce()
    {
        var first = new CountingArticleStore(_memory);
        var second = new CountingArticleStore(_memory);
        await StartAsync(first, host: "host-a");
        await StartAsync(second, host: "host-b");
        const int count = 40;

        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0)
            {
                File.Move(_bed.Dir.Write($"staging/story-{i}.md", InboxWatcherTests.Story($"story-{i}", $"Story {i}")), Path.Combine(Inbox, $"story-{i}.md"));
            }
            else
            {
                _bed.Dir.Write($"inbox/story-{i}.md", InboxWatcherTests.Story($"story-{i}", $"Story {i}"));
            }
        }

        await Eventually.HoldsAsync(() => Directory.GetFiles(Processed).Length >= count, $"{count} files processed");
        var expected = Enumerable.Range(0, count).Select(i => $"story-{i}.md").Order(StringComparer.Ordinal);
        Assert.Equal(expected, Directory.GetFiles(Processed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(1, first.Imports.GetValueOrDefault($"story-{i}") + second.Imports.GetValueOrDefault($"story-{i}"));
        }

        Assert.Empty(Directory.GetFiles(Path.Combine(Inbox, InboxFolder.Rejected)));
        Assert.Empty(Directory.GetFiles(Inbox));
    }

    [Fact]
    public async Task AbandonedClaimFolder_NotRenewedForTheTimeout_ItsFilesAreTakenOver()
    {
        _bed.Dir.Write($"inbox/{InboxFolder.Claimed}/crashed-host/orphan.md", InboxWatcherTests.Story("orphan-1", "Claimed by a host that died"));

        await StartAsync(new CountingArticleStore(_memory), new SourcesOptions { InboxClaimTimeout = TimeSpan.FromSeconds(2) });

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Processed, "orphan.md")), "orphan.md processed");
        Assert.NotNull(await _memory.GetAsync("orphan-1", null, CancellationToken.None));
        Assert.False(Directory.Exists(Path.Combine(Inbox, InboxFolder.Claimed, "crashed-host")));
    }

    [Fact]
    public async Task ClaimFolderOfAProcessGoneFromThisMachine_IsTakenOverWithoutWaitingForTheTimeout()
    {
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await gone.WaitForExitAsync();
        _bed.Dir.Write($"inbox/{InboxFolder.Claimed}/killed-host/{InboxClaims.OwnerFile}", $"{Environment.MachineName}\n{gone.Id}\n");
        _bed.Dir.Write($"inbox/{InboxFolder.Claimed}/killed-host/held.md", InboxWatcherTests.Story("held-1", "Held by a killed host"));

        await StartAsync(new CountingArticleStore(_memory), new SourcesOptions { InboxClaimTimeout = TimeSpan.FromHours(1) });

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Processed, "held.md")), "held.md processed");
    }

    [Fact]
    public async Task ClaimFolderOfALiveProcess_IsLeftAlone_EvenWhenNotRenewed()
    {
        _bed.Dir.Write($"inbox/{InboxFolder.Claimed}/busy-host/{InboxClaims.OwnerFile}", $"{Environment.MachineName}\n{Environment.ProcessId}\n");
        _bed.Dir.Write($"inbox/{InboxFolder.Claimed}/busy-host/working.md", InboxWatcherTests.Story("working-1", "Being worked on"));

        await StartAsync(new CountingArticleStore(_memory), new SourcesOptions { InboxClaimTimeout = TimeSpan.FromHours(1) });
        _bed.Dir.Write("inbox/marker.md", InboxWatcherTests.Story("marker-1", "Taken after the claim folders were looked at"));
        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Processed, "marker.md")), "marker.md processed");

        Assert.True(File.Exists(_bed.Dir.Combine("inbox", InboxFolder.Claimed, "busy-host", "working.md")));
    }

    [Fact]
    public async Task OwnClaimFolderFromAnEarlierRun_AtStart_ItsFilesAreTaken()
    {
        _bed.Dir.Write($"inbox/{InboxFolder.Claimed}/test-host/left.md", InboxWatcherTests.Story("left-1", "Left by the last run"));

        await StartAsync(new CountingArticleStore(_memory), new SourcesOptions { InboxClaimTimeout = TimeSpan.FromHours(1) });

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Processed, "left.md")), "left.md processed");
    }

    [Fact]
    public async Task StoreFailsOnce_FileStaysClaimedAndIsImportedOnTheRetry()
    {
        var store = new CountingArticleStore(_memory, failures: 1);
        await StartAsync(store);

        _bed.Dir.Write("inbox/retried.md", InboxWatcherTests.Story("retried-1", "Imported on the second try"));

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Processed, "retried.md")), "retried.md processed");
        Assert.Equal(1, store.Imports["retried-1"]);
        Assert.Empty(Directory.GetFiles(Path.Combine(Inbox, InboxFolder.Rejected)));
    }

    [Fact]
    public async Task Stop_WhileTheStoreIsDown_PutsTheClaimedFileBackInTheInbox()
    {
        var store = new CountingArticleStore(_memory) { Down = true };
        var run = await StartAsync(store);
        var claimFolder = Path.Combine(Inbox, InboxFolder.Claimed, "test-host");
        var content = InboxWatcherTests.Story("waiting-1", "Waiting for the store");

        _bed.Dir.Write("inbox/waiting.md", content);
        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(claimFolder, "waiting.md")), "waiting.md claimed");
        await _bed.StopAsync(run);

        Assert.Equal(content, await File.ReadAllTextAsync(Path.Combine(Inbox, "waiting.md")));
        Assert.False(Directory.Exists(claimFolder));
    }

    private Task<InboxRun> StartAsync(CountingArticleStore store, SourcesOptions? options = null, string host = "test-host") =>
        _bed.StartAsync(store, options, host);
}
