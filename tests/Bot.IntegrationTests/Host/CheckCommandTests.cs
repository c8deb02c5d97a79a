using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Host;

public sealed class CheckCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Check_RepositoryDefaults_AreValid()
    {
        Directory.CreateDirectory(_dir.Combine("config"));
        File.Copy(RepositoryFile("config", "appsettings.json"), _dir.Combine("config", "appsettings.json"));

        var result = await BotProcess.RunAsync(_dir.Path, "check");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Check_ProblemsInTheFile_PrintFileLineColumn()
    {
        _dir.Write("bot.json", """
            {
              "Store": { "Provider": "mysql" },
              "Telegram": {
                "Destinations": [
                  { "Name": "news" }
                ]
              }
            }
            """);

        var result = await BotProcess.RunAsync(_dir.Path, "check", "--config", "bot.json", "--Http:Urls=nonsense");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bot.json:2:14: Store:Provider: must be 'sqlite' or 'postgres', not 'mysql'", result.OutputLines);
        Assert.Contains(result.OutputLines, l => l.StartsWith("bot.json:5:7: Telegram:Destinations:0:ChatId: ", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.StartsWith("config: Http:Urls: ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Output + result.Error);
    }

    private static string RepositoryFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(string.Join('/', parts));
    }
}
