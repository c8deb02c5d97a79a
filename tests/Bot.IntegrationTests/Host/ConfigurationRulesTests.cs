using Bot.Host.Checks;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Bot.IntegrationTests.Host;

public sealed class ConfigurationRulesTests
{
    [Fact]
    public void Validate_NoConfigurationAtAll_IsValid() =>
        Assert.Empty(ConfigurationRules.Validate(Config()));

    [Theory]
    [InlineData("Store:Provider", "mysql")]
    [InlineData("Http:Urls", "not a url")]
    [InlineData("Http:Urls", "ftp://127.0.0.1:21")]
    [InlineData("Telegram:BotToken", "no-colon-here")]
    [InlineData("Email:Smtp:Security", "Tls")]
    [InlineData("Email:Smtp:Port", "70000")]
    [InlineData("Sources:Feeds:0:Url", "ftp://example.org/feed.xml")]
    public void Validate_BadValue_NamesTheKey(string key, string value)
    {
        var problem = Assert.Single(ConfigurationRules.Validate(Config((key, value))));

        Assert.Equal(key, problem.Key);
    }

    [Fact]
    public void Validate_BadToken_NeverQuotesIt()
    {
        var problem = Assert.Single(ConfigurationRules.Validate(Config(("Telegram:BotToken", "secret-but-malformed"))));

        Assert.DoesNotContain("secret-but-malformed", problem.Message);
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://+:80;https://localhost:8443")]
    public void Validate_KestrelAddresses_AreAccepted(string urls) =>
        Assert.Empty(ConfigurationRules.Validate(Config(("Http:Urls", urls))));

    [Fact]
    public void Validate_DestinationsWithoutNameOrTarget_AndDuplicates_AreEachReported()
    {
        var problems = ConfigurationRules.Validate(Config(
            ("Telegram:Destinations:0:Name", "news"),
            ("Telegram:Destinations:1:ChatId", "42"),
            ("Discord:Destinations:0:Name", "News"),
            ("Email:Destinations:0:Name", "letter"))).ToList();

        Assert.Contains(problems, p => p.Key == "Telegram:Destinations:0:ChatId");
        Assert.Contains(problems, p => p.Key == "Telegram:Destinations:1:Name");
        Assert.Contains(problems, p => p.Key == "Discord:Destinations:0:ChannelId");
        Assert.Contains(problems, p => p.Key == "Discord:Destinations:0:Name" && p.Message.Contains("already used"));
        Assert.Equal(4, problems.Count);
    }

    [Theory]
    [InlineData("Interval", "often")]
    [InlineData("Interval", "-00:05:00")]
    [InlineData("Interval", "00:00:00")]
    [InlineData("Backlog", "-1")]
    [InlineData("Backlog", "some")]
    public void Validate_BadFeedSetting_NamesTheKey(string setting, string value)
    {
        var problem = Assert.Single(ConfigurationRules.Validate(Config(
            ("Sources:Feeds:0:Url", "https://example.org/feed.xml"),
            ($"Sources:Feeds:0:{setting}", value))));

        Assert.Equal($"Sources:Feeds:0:{setting}", problem.Key);
    }

    [Fact]
    public void Validate_FeedWithIntervalAndBacklog_IsValid() =>
        Assert.Empty(ConfigurationRules.Validate(Config(
            ("Sources:Feeds:0:Url", "https://example.org/feed.xml?key=k"),
            ("Sources:Feeds:0:Interval", "00:00:30"),
            ("Sources:Feeds:0:Backlog", "0"))));

    [Fact]
    public void Validate_SmtpHostWithoutFrom_AsksForFrom()
    {
        var problem = Assert.Single(ConfigurationRules.Validate(Config(("Email:Smtp:Host", "smtp.example.org"), ("Email:PublicBaseUrl", "https://news.example.org"))));

        Assert.Equal("Email:From", problem.Key);
    }

    [Fact]
    public void Validate_SmtpHostWithoutPublicBaseUrl_AsksForIt()
    {
        var problem = Assert.Single(ConfigurationRules.Validate(Config(("Email:Smtp:Host", "smtp.example.org"), ("Email:From", "news@example.org"))));

        Assert.Equal("Email:PublicBaseUrl", problem.Key);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
