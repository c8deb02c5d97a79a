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
    [InlineData("Sources:InboxWatch", "inotify")]
    [InlineData("Sources:InboxSettle", "00:00:00")]
    [InlineData("Sources:InboxSettle", "soon")]
    [InlineData("Sources:InboxClaimTimeout", "00:00:00.5")]
    public void Validate_BadValue_NamesTheKey(string key, string value)
    {
        var problem = Assert.Single(ConfigurationRules.Validate(Config((key, value))));

        Assert.Equal(key, problem.Key);
    }

    [Theory]
    [InlineData("Sources:InboxWatch", "notify")]
    [InlineData("Sources:InboxWatch", "Poll")]
    [InlineData("Sources:InboxSettle", "00:00:00.2")]
    [InlineData("Sources:InboxClaimTimeout", "00:05:00")]
    public void Validate_InboxValues_AreAccepted(string key, string value) =>
        Assert.Empty(ConfigurationRules.Validate(Config((key, value))));

    [Fact]
    public void Validate_ApiKeys_EachProblemNamedWithoutQuotingAKey()
    {
        const string admin = "admin-key-0123456789";
        var problems = ConfigurationRules.Validate(Config(
            ("Http:AdminKey", admin),
            ("Http:ApiKeys:0:Name", "desk"), ("Http:ApiKeys:0:Key", "short-secret"),
            ("Http:ApiKeys:1:Key", "desk-key-0123456789"),
            ("Http:ApiKeys:2:Name", "Desk"), ("Http:ApiKeys:3:Name", "wire"), ("Http:ApiKeys:3:Key", admin),
            ("Http:ApiKeys:4:Name", "site"), ("Http:ApiKeys:4:Key", "desk-key-0123456789"))).ToList();

        Assert.Equal(
            [
                ("Http:ApiKeys:0:Key", "must be at least 16 characters (a long random string)"),
                ("Http:ApiKeys:1:Name", "is required: the name the audit log shows for what this key posts"),
                ("Http:ApiKeys:2:Name", "'Desk' is also the name of Http:ApiKeys:0"),
                ("Http:ApiKeys:2:Key", "is required"),
                ("Http:ApiKeys:3:Key", "must differ from Http:AdminKey: a key that posts articles must not open /admin"),
                ("Http:ApiKeys:4:Key", "is the same key as Http:ApiKeys:1; give each poster its own"),
            ],
            problems.Select(p => (p.Key, p.Message)));
        Assert.All(problems, p => Assert.DoesNotContain("short-secret", p.Message));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9464;nonsense", "Http:MetricsUrls", "'nonsense' is not an address like http://127.0.0.1:9464")]
    [InlineData("http://0.0.0.0:8080", "Http:MetricsUrls", "'http://0.0.0.0:8080' uses port 8080, which Http:Urls uses too; give the metrics listener a port of its own")]
    [InlineData("http://127.0.0.1:0", "Http:MetricsUrls", "'http://127.0.0.1:0' needs a port number: the metrics listener is told apart by its port")]
    public void Validate_MetricsUrls_BadOrSharedPortNamed(string urls, string key, string message)
    {
        var problems = ConfigurationRules.Validate(Config(("Http:Urls", "http://127.0.0.1:8080"), ("Http:MetricsUrls", urls)));

        Assert.Equal([(key, message)], problems.Select(p => (p.Key, p.Message)));
    }

    [Theory]
    [InlineData("short-secret", "must be at least 16 characters (a long random string)")]
    [InlineData("admin-key-0123456789", "must differ from Http:AdminKey: a scraper's key must not open /admin")]
    [InlineData("desk-key-0123456789", "must differ from every Http:ApiKeys key: a scraper's key must not post articles")]
    public void Validate_MetricsKey_ShortOrSharedNamedWithoutTheKey(string value, string message)
    {
        var problems = ConfigurationRules.Validate(Config(
            ("Http:AdminKey", "admin-key-0123456789"), ("Http:ApiKeys:0:Name", "desk"), ("Http:ApiKeys:0:Key", "desk-key-0123456789"),
            ("Http:MetricsKey", value))).ToList();

        Assert.Equal([("Http:MetricsKey", message)], problems.Select(p => (p.Key, p.Message)));
        Assert.All(problems, p => Assert.DoesNotContain(value, p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_FeedNames_BadOrSharedNamespacesNamed()
    {
        var problems = ConfigurationRules.Validate(Config(
            ("Sources:Feeds:0:Url", "https://example.org/rss"),
            ("Sources:Feeds:1:Url", "http://example.org/rss?page=2"),
            ("Sources:Feeds:2:Url", "https://example.org/other"), ("Sources:Feeds:2:Name", "bad/name"),
            ("Sources:Feeds:3:Url", "https://example.org/third"), ("Sources:Feeds:3:Name", "EXAMPLE.ORG-rss"))).ToList();

        Assert.Equal(
            [
                ("Sources:Feeds:1:Name", "'example.org-rss' is already the namespace of Sources:Feeds:0; give each feed its own Name"),
                ("Sources:Feeds:2:Name", "'bad/name' is not a feed name: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64"),
                ("Sources:Feeds:3:Name", "'EXAMPLE.ORG-rss' is already the namespace of Sources:Feeds:0; give each feed its own Name"),
            ],
            problems.Select(p => (p.Key, p.Message)));
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
