using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary>Templates as <c>bot check</c> and the start of <c>bot run</c> judge them, in a real process.</summary>
public sealed class CheckTemplatesTests : IDisposable
{
    private const string TelegramTemplate = "config/templates/telegram/message.liquid";

    // The "if" opened on line 2 is never closed: Fluid expects its endif at the end of that same line.
    private const string UnclosedIf = "<b>{{ article.title }}</b>\n{% if article.summary %}<i>{{ article.summary }}</i>";
    private const string UnclosedIfProblem = TelegramTemplate + ":2:53: '{% endif %}' was expected";

    private readonly TempDirectory _dir = new();

    public CheckTemplatesTests()
    {
        // The repository's default templates, as the build places them beside the executable.
        var shipped = Path.Combine(AppContext.BaseDirectory, "templates");
        foreach (var file in Directory.EnumerateFiles(shipped, "*.liquid", SearchOption.AllDirectories))
        {
            _dir.Write(Path.Combine("config", "templates", Path.GetRelativePath(shipped, file)), File.ReadAllText(file));
        }
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Check_DefaultTemplates_ExitZero()
    {
        var result = await BotProcess.RunAsync(_dir.Path, "check");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["configuration ok"], result.OutputLines);
    }

    [Fact]
    public async Task Check_UnclosedIf_PrintsFileLineColumnAndExitsOne()
    {
        _dir.Write(TelegramTemplate, UnclosedIf);

        var result = await BotProcess.RunAsync(_dir.Path, "check");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([UnclosedIfProblem, "1 problem(s)"], result.OutputLines);
    }

    [Fact]
    public async Task Check_BrokenNamedSetAndMissingSet_ReportsBoth()
    {
        _dir.Write("config/templates/breaking/embed_title.liquid", "{{ article.title | no_such_filter }}");

        var result = await BotProcess.RunAsync(
            _dir.Path,
            "check",
            "--Discord:Destinations:0:Name=alerts",
            "--Discord:Destinations:0:ChannelId=123",
            "--Discord:Destinations:0:Template=breaking",
            "--Telegram:Destinations:0:Name=news",
            "--Telegram:Destinations:0:ChatId=-100123",
            "--Telegram:Destinations:0:Template=missing");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.OutputLines, l => l.StartsWith("config/templates/breaking/embed_title.liquid:1:", StringComparison.Ordinal));
        Assert.Contains("config/templates/missing:1:1: template set 'missing' of destination 'news' not found", result.OutputLines);
    }

    [Fact]
    public async Task Run_BrokenTemplate_ExitsOneWithTheLineAndNeverServes()
    {
        _dir.Write(TelegramTemplate, UnclosedIf);
        var port = FreePort.Next();

        var result = await BotProcess.RunAsync(_dir.Path, "run", $"--Http:Urls=http://127.0.0.1:{port}");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(UnclosedIfProblem, result.ErrorLines[0]);
        Assert.DoesNotContain("   at ", result.Output + result.Error);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"http://127.0.0.1:{port}/healthz"));
        Assert.False(File.Exists(_dir.Combine("data", "bot.db")), "nothing was started");
    }
}
