using System.Net;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary><c>bot run</c> as a process: health, the inbox, seeding, and a graceful stop on SIGTERM.</summary>
public sealed class RunCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly int _port = FreePort.Next();
    private BotProcess? _bot;

    private string Inbox => _dir.Combine("data", "inbox");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        _http.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Run_FreshDirectory_ServesHealthzAndStopsCleanlyOnSigterm()
    {
        var bot = await StartAsync();

        var response = await _http.GetAsync(HealthUrl);
        bot.Terminate();
        var result = await bot.WaitForExitAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(Directory.Exists(Inbox), "the inbox is created when missing");
    }

    [Fact]
    public async Task Run_InboxFiles_AreImportedAndMovedToProcessed()
    {
        _dir.Write("data/inbox/before-start.txt", Articles.Text("Present before start"));
        var bot = await StartAsync();

        var staged = _dir.Write("staging/moved.txt", Articles.Text("Moved into the inbox"));
        File.Move(staged, Path.Combine(Inbox, "moved.txt"));
        await WriteSlowlyAsync(Path.Combine(Inbox, "slow.txt"), Articles.Text("Written slowly in place", paragraphs: 6));
        _dir.Write("data/inbox/.hidden.txt", Articles.Text("Dotfiles are ignored"));
        _dir.Write("data/inbox/copying.txt.part", Articles.Text("Partial downloads are ignored"));

        foreach (var name in new[] { "before-start.txt", "moved.txt", "slow.txt" })
        {
            await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "processed", name)), $"{name} in processed/");
        }

        var list = await BotProcess.RunAsync(_dir.Path, "articles");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("Present before start", list.Output);
        Assert.Contains("Moved into the inbox", list.Output);
        Assert.Contains("Written slowly in place", list.Output);
        Assert.DoesNotContain("ignored", list.Output);
        Assert.True(File.Exists(Path.Combine(Inbox, ".hidden.txt")));
        Assert.True(File.Exists(Path.Combine(Inbox, "copying.txt.part")));
        Assert.Empty(Directory.GetFiles(Path.Combine(Inbox, "rejected")));

        var show = await BotProcess.RunAsync(_dir.Path, "articles", list.OutputLines.Single(l => l.Contains("Written slowly", StringComparison.Ordinal)).Split(' ')[0]);
        Assert.Contains("Paragraph 6 of “Written slowly in place”", show.Output);
    }

    [Fact]
    public async Task Run_BrokenFile_IsRejectedWithReasonAndTheHostKeepsServing()
    {
        var bot = await StartAsync();

        _dir.Write("data/inbox/broken.json", Articles.BrokenJson);
        _dir.Write("data/inbox/good.txt", Articles.Text("Good after broken"));
        var rejected = Path.Combine(Inbox, "rejected", "broken.json");
        await Eventually.HoldsAsync(() => File.Exists(rejected + ".reason"), "broken.json.reason in rejected/");
        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "processed", "good.txt")), "good.txt in processed/");

        Assert.True(File.Exists(rejected));
        var reason = Assert.Single(File.ReadAllLines(rejected + ".reason"));
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.False(File.Exists(Path.Combine(Inbox, "broken.json")));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(HealthUrl)).StatusCode);
        Assert.False(bot.HasExited);
    }

    [Fact]
    public async Task Run_SameNameTwice_SecondGetsASuffixInProcessed()
    {
        await StartAsync();

        _dir.Write("data/inbox/same.txt", Articles.Text("Same name, first"));
        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "processed", "same.txt")), "first same.txt processed");
        _dir.Write("data/inbox/same.txt", Articles.Text("Same name, second"));
        await Eventually.HoldsAsync(() => File.Exists(Path.Combine(Inbox, "processed", "same-1.txt")), "second same.txt processed as same-1.txt");

        Assert.Contains("Same name, second", await File.ReadAllTextAsync(Path.Combine(Inbox, "processed", "same-1.txt")));
    }

    [Fact]
    public async Task Run_EmptyStoreWithSamplesFolder_ImportsTheSamplesOnce()
    {
        Directory.CreateDirectory(_dir.Combine("samples"));
        File.Copy(Articles.SamplePath, _dir.Combine("samples", "quds-press-2023-12.txt"));
        var title = File.ReadLines(Articles.SamplePath).First(l => l.Trim().Length > 0).Trim();

        var bot = await StartAsync();
        bot.Terminate();
        await bot.WaitForExitAsync();
        var list = await BotProcess.RunAsync(_dir.Path, "articles");

        Assert.True(list.ExitCode == 0, list.ToString());
        var row = Assert.Single(list.OutputLines.Skip(1));
        Assert.Contains(title, row);
    }

    private string HealthUrl => $"http://127.0.0.1:{_port}/healthz";

    private async Task<BotProcess> StartAsync()
    {
        _bot = BotProcess.Start(_dir.Path, "run", $"--Http:Urls=http://127.0.0.1:{_port}");
        await Eventually.HoldsAsync(
            async () =>
            {
                if (_bot.HasExited)
                {
                    throw new Xunit.Sdk.XunitException($"bot run exited early:\n{await _bot.WaitForExitAsync()}");
                }

                try
                {
                    return (await _http.GetAsync(HealthUrl)).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "/healthz answers 200");
        return _bot;
    }

    /// <summary>
    /// Writes in chunks with pauses longer than the watcher's stability window, holding the file open
    /// throughout, and checks at each pause that the bot has not taken the file half-written.
    /// </summary>
    private async Task WriteSlowlyAsync(string path, string content)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(content);
        var chunk = (bytes.Length / 4) + 1;
        await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
        {
            for (var offset = 0; offset < bytes.Length; offset += chunk)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(chunk, bytes.Length - offset)));
                await stream.FlushAsync();
                await Task.Delay(TimeSpan.FromMilliseconds(600));
                Assert.True(File.Exists(path), "the inbox took a file that was still being written");
            }
        }
    }
}
