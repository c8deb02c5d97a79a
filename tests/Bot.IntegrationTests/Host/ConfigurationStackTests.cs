using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary>The order of DESIGN.md: file, then environment, then <c>--Section:Key=value</c>.</summary>
public sealed class ConfigurationStackTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EnvironmentVariable_OverridesTheFile()
    {
        _dir.Write("config/appsettings.json", """{ "Store": { "Provider": "sqlite" } }""");

        var result = await BotProcess.RunAsync(_dir.Path, Env("Store__Provider", "oracle"), "articles");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("oracle", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task CommandLineOverride_OverridesTheEnvironment()
    {
        var result = await BotProcess.RunAsync(_dir.Path, Env("Store__Provider", "oracle"), "articles", "--Store:Provider=sqlite");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("no articles", Assert.Single(result.OutputLines));
    }

    [Fact]
    public async Task ConfigOption_ReplacesTheDefaultFile()
    {
        _dir.Write("config/appsettings.json", """{ "Store": { "Provider": "oracle" } }""");
        _dir.Write("other.json", """{ "Store": { "ConnectionString": "Data Source=other.db" } }""");

        var result = await BotProcess.RunAsync(_dir.Path, "articles", "--config", "other.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(_dir.Combine("other.db")));
    }

    [Fact]
    public async Task UnexpectedFailure_SecretsInTheMessageAreRedacted()
    {
        // A connection string SQLite cannot open: the failure is not the user's syntax, so exit 2.
        _dir.Write("blocker", "a file where a folder is needed");

        var result = await BotProcess.RunAsync(
            _dir.Path,
            Env("Telegram__BotToken", "123456:SECRET-token_value"),
            "articles",
            "--Store:ConnectionString=Data Source=blocker/bot.db;Password=hunter2");

        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("bot: ", result.ErrorLines[^1]);
        Assert.DoesNotContain("SECRET-token_value", result.Error);
        Assert.DoesNotContain("hunter2", result.Error);
    }

    private static Dictionary<string, string> Env(string key, string value) => new() { [key] = value };
}
