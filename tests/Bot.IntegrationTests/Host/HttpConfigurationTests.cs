using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary>The HTTP and link settings a deployment gets wrong: <c>bot check</c> lists them, <c>bot run</c> refuses to start.</summary>
public sealed class HttpConfigurationTests : IDisposable
{
    private const string Smtp = "--Email:Smtp:Host=127.0.0.1";
    private const string From = "--Email:From=news@example.org";

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task Check_BadProxyAddressAndNetwork_OneLineEachWithKeyAndValue()
    {
        var result = await BotProcess.RunAsync(dir.Path, "check", "--Http:KnownProxies:0=10.0.0.300", "--Http:KnownNetworks:0=10.0.0.0/33", "--Http:KnownNetworks:1=10.0.0.1/8");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "config: Http:KnownProxies:0: '10.0.0.300' is not an IP address such as 10.0.0.5 or fd00::5",
                "config: Http:KnownNetworks:0: '10.0.0.0/33' is not a network in CIDR notation such as 10.0.0.0/8 or fd00::/8 (no host bits set)",
                "config: Http:KnownNetworks:1: '10.0.0.1/8' is not a network in CIDR notation such as 10.0.0.0/8 or fd00::/8 (no host bits set)",
                "3 problem(s)",
            ],
            result.OutputLines);
    }

    [Fact]
    public async Task Run_BadProxyNetwork_RefusesToStartWithOneLine()
    {
        var result = await BotProcess.RunAsync(dir.Path, "run", "--Http:Urls=http://127.0.0.1:0", "--Http:KnownNetworks:0=proxy.example.org");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "bot: configuration: Http:KnownNetworks:0: 'proxy.example.org' is not a network in CIDR notation such as 10.0.0.0/8 or fd00::/8 (no host bits set)",
            Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Check_ProxiesWellFormed_Ok()
    {
        var result = await BotProcess.RunAsync(dir.Path, "check", "--Http:KnownProxies:0=10.0.0.5", "--Http:KnownProxies:1=fd00::5", "--Http:KnownNetworks:0=172.16.0.0/12");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task CheckAndRun_EmailWithoutPublicBaseUrl_NameTheKey()
    {
        var check = await BotProcess.RunAsync(dir.Path, "check", Smtp, From);
        var run = await BotProcess.RunAsync(dir.Path, "run", "--Http:Urls=http://127.0.0.1:0", Smtp, From);

        const string Line = "Email:PublicBaseUrl: is required when Email:Smtp:Host is set: the public root of the confirm and unsubscribe links, such as https://news.example.org";
        Assert.Equal(1, check.ExitCode);
        Assert.Equal([$"config: {Line}", "1 problem(s)"], check.OutputLines);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"bot: configuration: {Line}", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Check_ShortPreviousTokenKey_NamesTheKeyNeverTheValue()
    {
        var result = await BotProcess.RunAsync(dir.Path, "check", "--Email:PreviousTokenKeys:0=old-and-short-secret");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("config: Email:PreviousTokenKeys:0: must be at least 32 bytes", result.OutputLines[0]);
        Assert.DoesNotContain("old-and-short-secret", result.Output + result.Error);
    }
}
