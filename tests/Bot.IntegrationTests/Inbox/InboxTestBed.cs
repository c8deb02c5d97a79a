using System.Diagnostics;
using Bot.Core.Storage;
using Bot.Host.Sources;
using Bot.Host.Sources.Inbox;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Inbox;

/// <summary>A throwaway folder with an inbox in it, and the watchers a test started on it, stopped at the end.</summary>
internal sealed class InboxTestBed : IAsyncDisposable
{
    private readonly List<InboxRun> _runs = [];

    public TempDirectory Dir { get; } = new();

    public string Inbox => Dir.Combine("inbox");

    public string Processed => Path.Combine(Inbox, InboxFolder.Processed);

    public string Rejected => Path.Combine(Inbox, InboxFolder.Rejected);

    public async Task<InboxRun> StartAsync(IArticleStore store, SourcesOptions? options = null, string host = "test-host")
    {
        var run = await InboxRun.StartAsync(Inbox, store, options, host);
        _runs.Add(run);
        return run;
    }

    public async Task StopAsync(InboxRun run)
    {
        _runs.Remove(run);
        await run.DisposeAsync();
    }

    public static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path }, UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var run in _runs)
        {
            await run.DisposeAsync();
        }

        Dir.Dispose();
    }
}
