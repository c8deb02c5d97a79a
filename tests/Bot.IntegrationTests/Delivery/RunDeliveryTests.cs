using System.Diagnostics;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Delivery;

/// <summary><c>bot run</c> as a process with every channel dry: what it would send lands in <c>data/outbox/</c>.</summary>
public sealed class RunDeliveryTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly int _port = FreePort.Next();
    private BotProcess? _bot;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null) await _bot.DisposeAsync();
        _dir.Dispose();
    }

    private string Outbox(string channel) => _dir.Combine("data", "outbox", channel);

    private int Files(string channel, string pattern = "*.json") =>
        Directory.Exists(Outbox(channel)) ? Directory.GetFiles(Outbox(channel), pattern).Length : 0;

    [Fact]
    public async Task Run_ArticleInTheInbox_IsAnnouncedOnEveryDryChannelThenRetracted()
    {
        _bot = BotProcess.Start(_dir.Path, "run", $"--Http:Urls=http://127.0.0.1:{_port}", "--Sources:Seed=", "--Delivery:PollInterval=00:00:01");
        await Eventually.HoldsAsync(() => Directory.Exists(_dir.Combine("data", "inbox")), "the inbox exists");

        var watch = Stopwatch.StartNew();
        File.Copy(Articles.SamplePath, _dir.Combine("data", "inbox", "quds.txt"));
        await Eventually.HoldsAsync(() => Files("telegram") + Files("discord") + Files("email") == 3, "one announcement per channel");
        var firstSend = watch.Elapsed;

        var listed = await BotProcess.RunAsync(_dir.Path, "deliveries", "--status", "sent");
        var key = listed.OutputLines[1].Split("  ", StringSplitOptions.RemoveEmptyEntries)[3];
        var retracted = await BotProcess.RunAsync(_dir.Path, "retract", key);
        await Eventually.HoldsAsync(() => Files("telegram", "*-delete.json") == 1 && Files("discord", "*-delete.json") == 1, "the sent messages deleted");
        var after = await BotProcess.RunAsync(_dir.Path, "deliveries", "--article", key);

        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal(4, listed.OutputLines.Length);
        Assert.True(retracted.ExitCode == 0, retracted.ToString());
        Assert.Equal(6, after.OutputLines.Length);
        Assert.Equal(2, after.OutputLines.Count(l => l.Contains("  delete  ", StringComparison.Ordinal) && l.Contains("  sent  ", StringComparison.Ordinal)));
        var telegram = await File.ReadAllTextAsync(Directory.GetFiles(Outbox("telegram"), "*-v1-1.json").Single());
        Assert.Contains("مؤتمرون بإسطنبول يعلنون 2023", telegram);
        Assert.True(firstSend < TimeSpan.FromSeconds(30), $"first send after {firstSend}");
        Assert.Contains("runs dry", _bot.Output + _bot.Error);
    }

    [Fact]
    public async Task Retry_WithoutIdOrDead_IsAUserError()
    {
        var result = await BotProcess.RunAsync(_dir.Path, "retry");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("bot: give either a delivery ID or --dead", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Deliveries_UnknownStatus_IsAUserError()
    {
        var result = await BotProcess.RunAsync(_dir.Path, "deliveries", "--status", "later");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("bot: --status: 'later'", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Retract_UnknownArticle_IsAUserError()
    {
        var result = await BotProcess.RunAsync(_dir.Path, "retract", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("bot: no such article: nope", Assert.Single(result.ErrorLines));
    }
}
