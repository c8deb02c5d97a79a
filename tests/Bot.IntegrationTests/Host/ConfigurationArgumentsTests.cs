using Bot.Host.Configuration;
using Xunit;

namespace Bot.IntegrationTests.Host;

public sealed class ConfigurationArgumentsTests
{
    [Fact]
    public void Split_SectionKeyOverrides_AreTakenOutInOrder()
    {
        var (command, overrides) = ConfigurationArguments.Split(
            ["import", "--Store:Provider=postgres", "a.txt", "--Telegram:Destinations:0:Name=news", "--config", "c.json"]);

        Assert.Equal(["import", "a.txt", "--config", "c.json"], command);
        Assert.Equal(["--Store:Provider=postgres", "--Telegram:Destinations:0:Name=news"], overrides);
    }

    [Theory]
    [InlineData("--foo")]
    [InlineData("--foo=bar")]
    [InlineData("--config=x.json")]
    [InlineData("--Store:Provider")]
    [InlineData("-Store:Provider=x")]
    public void Split_AnythingElse_StaysForTheParser(string token)
    {
        var (command, overrides) = ConfigurationArguments.Split(["run", token]);

        Assert.Equal(["run", token], command);
        Assert.Empty(overrides);
    }

    [Fact]
    public void Split_AfterDoubleDash_EverythingIsLiteral()
    {
        var (command, overrides) = ConfigurationArguments.Split(["import", "--", "--Store:Provider=x"]);

        Assert.Equal(["import", "--", "--Store:Provider=x"], command);
        Assert.Empty(overrides);
    }

    [Fact]
    public void ToPairs_ValueWithEqualsSigns_KeepsTheWholeValue()
    {
        var pairs = ConfigurationArguments.ToPairs(["--Store:ConnectionString=Host=db;Password=a=b"]).ToList();

        Assert.Equal(new KeyValuePair<string, string?>("Store:ConnectionString", "Host=db;Password=a=b"), Assert.Single(pairs));
    }
}
