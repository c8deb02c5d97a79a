using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Bot.Host.Sources;
using Bot.Host.Sources.Inbox;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Inbox;

/// <summary>
/// What a careless or hostile writer can put in the inbox, on the real file system: links, FIFOs, sockets,
/// a slow copy, crafted names. Nothing is published that is not a whole regular file inside the inbox.
/// </summary>
public sealed class InboxSafetyTests : IAsyncLifetime
{
    private readonly InboxTestBed _bed = new();
    private readonly CountingArticleStore _store = new(new MemoryArticleStore());

    private string Inbox => _bed.Inbox;

    private string Rejected => _bed.Rejected;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _bed.DisposeAsync().AsTask();

    [Fact]
    public async Task SymlinkToAFileOutside_IsRejectedAndNothingIsPublished()
    {
        var secret = _bed.Dir.Write("outside/secret.md", InboxWatcherTests.Story("secret-1", "Never to be published"));
        await StartAsync();

        File.CreateSymbolicLink(Path.Combine(Inbox, "innocent.md"), secret);

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Rejected, "innocent.md.reason")), "the link rejected");
        Assert.Contains("symbolic link", await File.ReadAllTextAsync(Path.Combine(Rejected, "innocent.md.reason")));
        Assert.Empty(_store.Imports);
        Assert.Equal(secret, new FileInfo(Path.Combine(Rejected, "innocent.md")).LinkTarget);
        Assert.True(File.Exists(secret), "the link's target is left alone");
    }

    [Fact]
    public async Task SymlinkToAFileInside_IsNotFollowed_TheFileItselfIsTakenOnce()
    {
        await StartAsync();
        var staged = _bed.Dir.Write("staging/real.md", InboxWatcherTests.Story("real-1", "The real file"));
        File.Move(staged, Path.Combine(Inbox, "real.md"));
        File.CreateSymbolicLink(Path.Combine(Inbox, "alias.md"), Path.Combine(Inbox, "real.md"));

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Rejected, "alias.md.reason")), "the link rejected");
        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, InboxFolder.Processed, "real.md")), "real.md processed");

        Assert.Equal(1, _store.Imports.GetValueOrDefault("real-1"));
        Assert.Single(_store.Imports);
    }

    [Theory]
    [InlineData(InboxWatchMode.Notify)]
    [InlineData(InboxWatchMode.Poll)]
    public async Task Fifo_IsSkippedWithItsReason_WithoutBlockingTheWatcher(InboxWatchMode mode)
    {
        await StartAsync(new SourcesOptions { InboxWatch = mode, InboxSettle = TimeSpan.FromMilliseconds(200) });

        InboxTestBed.MakeFifo(Path.Combine(Inbox, "pipe.md"));
        _bed.Dir.Write("inbox/after.md", InboxWatcherTests.Story("after-1", "After the pipe"));

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, InboxFolder.Processed, "after.md")), "the file after the FIFO processed");
        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Rejected, "pipe.md.reason")), "the FIFO rejected");
        Assert.Equal("a named pipe (FIFO), not a regular file\n", await File.ReadAllTextAsync(Path.Combine(Rejected, "pipe.md.reason")));
        Assert.Equal(InboxFileKind.Fifo, InboxFiles.Look(Path.Combine(Rejected, "pipe.md"))?.Kind);
    }

    [Fact]
    public async Task Socket_IsSkippedWithItsReason()
    {
        await StartAsync();
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(Inbox, "socket.md")));

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Rejected, "socket.md.reason")), "the socket rejected");
        Assert.Equal("a socket, not a regular file\n", await File.ReadAllTextAsync(Path.Combine(Rejected, "socket.md.reason")));
        Assert.Empty(_store.Imports);
    }

    [Fact]
    public async Task SlowWriter_HoldsTheFileOpenAndPausesMidWord_IsTakenWholeExactlyOnce()
    {
        // A settle time far shorter than the pause: only the close-after-write event can tell the file is not done.
        await StartAsync(new SourcesOptions { InboxWatch = InboxWatchMode.Auto, InboxSettle = TimeSpan.FromMilliseconds(200) });
        var content = InboxWatcherTests.Story("slow-1", "Copied slowly") + string.Join("\n\n", Enumerable.Range(1, 20).Select(i => $"Paragraph {i} of a long slow copy."));
        var half = content.Length / 2;
        var path = Path.Combine(Inbox, "slow.md");

        // One shell holds the file open across the pause, as cp or scp does on a stalled link; it takes no lock.
        var writer = Process.Start(new ProcessStartInfo("sh")
        {
            ArgumentList = { "-c", "exec 3>\"$0\"; printf '%s' \"$1\" >&3; sleep 3; printf '%s' \"$2\" >&3; exec 3>&-", path, content[..half], content[half..] },
            UseShellExecute = false,
        })!;
        await writer.WaitForExitAsync().WaitAsync(Eventually.DefaultLimit);

        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, InboxFolder.Processed, "slow.md")), "slow.md processed");
        Assert.Equal(0, writer.ExitCode);
        Assert.Equal(content, await File.ReadAllTextAsync(Path.Combine(Inbox, InboxFolder.Processed, "slow.md")));
        var article = await _store.GetAsync("slow-1", null, CancellationToken.None);
        Assert.NotNull(article);
        Assert.EndsWith("Paragraph 20 of a long slow copy.", article.Body.TrimEnd());
        Assert.Equal(1, article.Version);
        Assert.Equal(1, _store.Imports["slow-1"]);
        Assert.Empty(Directory.GetFiles(Rejected));
    }

    [Fact]
    public async Task CraftedNames_AreRejectedInsideRejectedOnly_EachWithOneReasonLine()
    {
        await StartAsync();
        var names = new[]
        {
            "x\\..\\..\\escape.json",
            "line\nbreak.json",
            "line\abreak.json",
            "\u001b[2Jclear.json",
            "x.json.reason",
            "x.json",
            new string('a', 250) + ".json",
            string.Concat(Enumerable.Repeat("خبر", 41)) + ".json",
            "tab\tand\u2028separator.json",
        };

        foreach (var name in names)
        {
            await File.WriteAllTextAsync(Path.Combine(Inbox, name), Articles.BrokenJson);
        }

        await Eventually.HoldsAsync(() => Directory.GetFiles(Rejected).Length == names.Length * 2, $"{names.Length} files and their reasons in rejected/");
        Assert.Equal(["inbox"], Directory.GetFileSystemEntries(_bed.Dir.Path).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(Inbox));
        Assert.Empty(Directory.GetDirectories(Rejected));
        Assert.Empty(_store.Imports);
        var stored = Directory.GetFiles(Rejected).Select(Path.GetFileName).ToList();
        Assert.All(stored, name => Assert.DoesNotContain(name!, c => char.IsControl(c) || c is '\\' or '\u2028'));
        Assert.All(stored, name => Assert.True(Encoding.UTF8.GetByteCount(name!) <= 255, name));
        Assert.Contains("line_break.json", stored);
        Assert.Contains("line_break-1.json", stored);
        var articles = stored.Where(n => File.ReadAllText(Path.Combine(Rejected, n!)) == Articles.BrokenJson).ToList();
        Assert.Equal(names.Length, articles.Count);
        foreach (var article in articles)
        {
            var reason = await File.ReadAllLinesAsync(Path.Combine(Rejected, article + InboxFolder.ReasonExtension));
            Assert.NotEqual(Articles.BrokenJson, Assert.Single(reason));
        }
    }

    [Fact]
    public async Task Rejections_EachReasonIsWholeFromTheMomentItAppears()
    {
        await StartAsync();
        var names = Enumerable.Range(1, 40).Select(i => $"broken-{i}.json").ToList();
        var reasons = new Dictionary<string, string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reading = Task.Run(() =>
        {
            // Read each reason as soon as it can be seen, as an operator's script polling rejected/ would.
            while (reasons.Count < names.Count && !stop.IsCancellationRequested)
            {
                foreach (var name in names.Where(name => !reasons.ContainsKey(name)))
                {
                    var path = Path.Combine(Rejected, name + InboxFolder.ReasonExtension);
                    if (File.Exists(path))
                    {
                        reasons[name] = File.ReadAllText(path);
                    }
                }
            }
        });

        foreach (var name in names)
        {
            var staged = _bed.Dir.Write($"staging/{name}", Articles.BrokenJson);
            File.Move(staged, Path.Combine(Inbox, name));
        }

        await reading;
        Assert.Equal(names.Count, reasons.Count);
        Assert.All(reasons, pair => Assert.Matches(@"\A[^\n]+\n\z", pair.Value));
        // Nothing is left in rejected/ but the files and their reasons.
        Assert.Equal(names.Count * 2, Directory.GetFileSystemEntries(Rejected).Length);
    }

    private Task StartAsync(SourcesOptions? options = null) => _bed.StartAsync(_store, options);
}
