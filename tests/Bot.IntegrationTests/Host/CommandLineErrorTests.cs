using Xunit;
using Bot.IntegrationTests.Support;

namespace Bot.IntegrationTests.Host;

/// <summary>A user's mistake gives exit code 1 and one line on stderr, never a stack trace.</summary>
public sealed class CommandLineErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(new[] { "frobnicate" }, "unknown verb 'frobnicate'")]
    [InlineData(new[] { "run", "--foo" }, "unknown option '--foo'")]
    [InlineData(new[] { "import", "--foo", "x.txt" }, "unknown option '--foo'")]
    [InlineData(new[] { "articles", "--bogus=1" }, "unknown option '--bogus=1'")]
    [InlineData(new[] { "import", "no-such-file.txt" }, "no such file: no-such-file.txt")]
    [InlineData(new[] { "check", "--config", "missing.json" }, "no such file: missing.json")]
    [InlineData(new[] { "import" }, "import")]
    [InlineData(new string[0], "missing verb")]
    public async Task Bot_UserMistake_ExitsOneWithOneLine(string[] args, string expected)
    {
        var result = await BotProcess.RunAsync(_dir.Path, args);

        AssertOneLineError(result, expected);
    }

    [Fact]
    public async Task Bot_InvalidJsonConfig_ExitsOneWithOneLine()
    {
        _dir.Write("bad.json", "{ \"Store\": { \"Provider\": ");

        var result = await BotProcess.RunAsync(_dir.Path, "articles", "--config", "bad.json");

        AssertOneLineError(result, "bad.json");
    }

    [Fact]
    public async Task Bot_InvalidDefaultConfigFile_ExitsOneWithOneLine()
    {
        _dir.Write("config/appsettings.json", "not json at all");

        var result = await BotProcess.RunAsync(_dir.Path, "articles");

        AssertOneLineError(result, "config/appsettings.json");
    }

    [Fact]
    public async Task Bot_UnknownStoreProvider_ExitsOneNamingTheKey()
    {
        var result = await BotProcess.RunAsync(_dir.Path, "articles", "--Store:Provider=mysql");

        AssertOneLineError(result, "Store:Provider");
    }

    [Theory]
    [InlineData("--Delivery:Pacing:Channels:email:0:Limit=100", "configuration: Delivery:Pacing:Channels:email:0:Window: missing: a budget added by configuration needs a window such as 00:00:01")]
    [InlineData("--Delivery:Pacing:Channels:telegram:0:Limit=lots", "configuration: Delivery:Pacing:Channels:telegram:0:Limit: 'lots' must be a whole number of at least 1")]
    [InlineData("--Delivery:Pacing:Channels:discord:1:Window=-00:00:05", "configuration: Delivery:Pacing:Channels:discord:1:Window: '-00:00:05' must be a positive duration such as 00:00:01")]
    public async Task Run_BadSendBudget_ExitsOneWithOneLineNamingKeyAndValue(string setting, string expected)
    {
        var result = await BotProcess.RunAsync(_dir.Path, "run", setting, $"--Http:Urls=http://127.0.0.1:{FreePort.Next()}");

        AssertOneLineError(result, expected);
    }

    [Fact]
    public async Task Bot_UnknownStoreProviderFromEnvironmentStyleOverride_InRun_ExitsOne()
    {
        var result = await BotProcess.RunAsync(_dir.Path, "run", "--Store:Provider=mysql", $"--Http:Urls=http://127.0.0.1:{FreePort.Next()}");

        AssertOneLineError(result, "Store:Provider");
    }

    [Theory]
    [InlineData("--Delivery:PollInterval=abc", "configuration: Delivery:PollInterval: value 'abc' is not a duration such as 00:05:00")]
    [InlineData("--Delivery:Parallelism=many", "configuration: Delivery:Parallelism: value 'many' is not a whole number")]
    [InlineData("--Email:Smtp:PoolSize=x", "configuration: Email:Smtp:PoolSize: value 'x' is not a whole number")]
    [InlineData("--Email:Smtp:Port=x", "configuration: Email:Smtp:Port: 'x' is not a port number")]
    [InlineData("--Sources:Feeds:0:AllowPrivateNetwork=maybe", "configuration: Sources:Feeds:0:AllowPrivateNetwork: value 'maybe' is not true or false")]
    [InlineData("--Delivery:Lease:Duration=-00:00:01", "configuration: Delivery:Lease:Duration: '-00:00:01' must be positive")]
    [InlineData("--Logging:LogLevel:Default=Loud", "configuration: Logging:LogLevel:Default: value 'Loud' is not one of Trace, Debug, Information, Warning, Error, Critical, None")]
    public async Task Run_ValueTheBinderCannotRead_ExitsOneWithTheKeyAndValueOnOneLine(string setting, string expected)
    {
        var result = await BotProcess.RunAsync(
            _dir.Path, "run", setting, "--Sources:Feeds:0:Url=https://news.example.org/feed.xml", "--Sources:Seed=", $"--Http:Urls=http://127.0.0.1:{FreePort.Next()}");

        AssertOneLineError(result, expected);
        Assert.Equal($"bot: {expected}", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("--Delivery:PollInterval=abc", "config: Delivery:PollInterval: value 'abc' is not a duration such as 00:05:00")]
    [InlineData("--Email:Smtp:PoolSize=x", "config: Email:Smtp:PoolSize: value 'x' is not a whole number")]
    [InlineData("--Sources:Feeds:0:Interval=-1", "config: Sources:Feeds:0:Interval: '-1' is not a positive duration such as 00:05:00")]
    [InlineData("--Sources:Feeds:0:MaxBytes=lots", "config: Sources:Feeds:0:MaxBytes: 'lots' is not a whole number of bytes from 1 to 16777216")]
    [InlineData("--Email:Smtp:Security=Bogus", "config: Email:Smtp:Security: must be None, StartTls, SslOnConnect or Auto, not 'Bogus'")]
    public async Task Check_ValueTheBinderCannotRead_ListsTheKeyAndValueOnceAndExitsOne(string setting, string expected)
    {
        var result = await BotProcess.RunAsync(_dir.Path, "check", setting, "--Sources:Feeds:0:Url=https://news.example.org/feed.xml");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal([expected, "1 problem(s)"], result.OutputLines);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("import")]
    [InlineData("articles")]
    [InlineData("check")]
    public async Task Verb_Help_ExitsZeroAndDescribesTheVerb(string verb)
    {
        var result = await BotProcess.RunAsync(_dir.Path, verb, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"bot {verb}", result.Output);
        Assert.Contains("--config", result.Output);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Root_Help_ListsEveryVerb()
    {
        var result = await BotProcess.RunAsync(_dir.Path, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var verb in new[] { "run", "import", "articles", "check" })
        {
            Assert.Contains(verb, result.Output);
        }
    }

    private static void AssertOneLineError(BotResult result, string expected)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("bot: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("Exception", result.Error);
    }
}
