using Bot.Core.Channels;
using Bot.Core.Delivery.Configuration;
using Xunit;

namespace Bot.Core.Tests.Delivery;

public sealed class DestinationSettingsReaderTests
{
    private static DestinationSettings Read(params (string Key, string? Value)[] pairs) =>
        DestinationSettingsReader.Read(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    [Fact]
    public void Read_OneOfEachChannel_BuildsDestinationsInOrder()
    {
        var settings = Read(
            ("Email:Destinations:0:Name", "readers"),
            ("Email:Destinations:0:SendCorrections", "true"),
            ("Email:Destinations:0:Language", "ar"),
            ("Telegram:BotToken", "secret"),
            ("Telegram:Destinations:1:Name", "second"),
            ("Telegram:Destinations:1:ChatId", "@quds_news"),
            ("Telegram:Destinations:0:Name", "main"),
            ("Telegram:Destinations:0:ChatId", "-1001234567890"),
            ("Telegram:Destinations:0:Template", "short"),
            ("Telegram:Destinations:0:Filter", "tag:gaza language:ar"),
            ("Discord:Destinations:0", null),
            ("Discord:Destinations:0:Name", "desk"),
            ("Discord:Destinations:0:WebhookUrl", "https://discord.com/api/webhooks/1/abc"),
            ("Discord:Destinations:0:Color", "#1E90FF"));

        Assert.Empty(settings.Problems);
        Assert.Equal(["main", "second", "desk", "readers"], settings.Destinations.Select(d => d.Name));
        var main = settings.Destinations[0];
        Assert.Equal(ChannelNames.Telegram, main.Channel);
        Assert.Equal("-1001234567890", main.Address);
        Assert.Equal("short", main.Template);
        Assert.Equal(["gaza"], main.Filter.Tags);
        Assert.Equal(["ar"], main.Filter.Languages);
        var desk = settings.Destinations[2];
        Assert.Equal("https://discord.com/api/webhooks/1/abc", desk.Address);
        Assert.Equal(0x1E90FF, desk.Color);
        var readers = settings.Destinations[3];
        Assert.Equal(ChannelNames.Email, readers.Channel);
        Assert.Equal("", readers.Address);
        Assert.True(readers.SendCorrections);
    }

    [Fact]
    public void Read_FilterSection_BuildsTheFilter()
    {
        var settings = Read(
            ("Discord:Destinations:0:Name", "desk"),
            ("Discord:Destinations:0:ChannelId", "123456789012345678"),
            ("Discord:Destinations:0:Filter:Tags:1", "b"),
            ("Discord:Destinations:0:Filter:Tags:0", "a"),
            ("Discord:Destinations:0:Filter:Categories:0", "news"),
            ("Discord:Destinations:0:Filter:Languages:0", "ar"),
            ("Discord:Destinations:0:Filter:Pattern", "القدس"));

        var filter = Assert.Single(settings.Destinations).Filter;
        Assert.Equal(["a", "b"], filter.Tags);
        Assert.Equal(["news"], filter.Categories);
        Assert.Equal(["ar"], filter.Languages);
        Assert.Equal("القدس", filter.Pattern);
        Assert.Equal("123456789012345678", settings.Destinations[0].Address);
    }

    [Theory]
    [InlineData("ChatId", null, "Telegram:Destinations:0:ChatId", "missing")]
    [InlineData("ChatId", "news", "Telegram:Destinations:0:ChatId", "neither a numeric chat id")]
    [InlineData("Name", null, "Telegram:Destinations:0:Name", "missing")]
    [InlineData("Name", "my news", "Telegram:Destinations:0:Name", "not a usable name")]
    [InlineData("Chat", "1", "Telegram:Destinations:0:Chat", "unknown key")]
    [InlineData("Filter", "colour:red", "Telegram:Destinations:0:Filter", "unknown filter key")]
    [InlineData("Filter:Colours:0", "red", "Telegram:Destinations:0:Filter:Colours:0", "unknown filter key")]
    [InlineData("Filter:Pattern", "(", "Telegram:Destinations:0:Filter:Pattern", "not a valid regular expression")]
    [InlineData("Template", "../../etc", "Telegram:Destinations:0:Template", "not a path")]
    public void Read_BadTelegramEntry_NamesTheKey(string field, string? value, string expectedKey, string message)
    {
        var pairs = new Dictionary<string, string?>
        {
            ["Telegram:Destinations:0:Name"] = "main",
            ["Telegram:Destinations:0:ChatId"] = "-100",
        };
        pairs["Telegram:Destinations:0:" + field] = value;

        var settings = DestinationSettingsReader.Read(pairs);

        var problem = Assert.Single(settings.Problems);
        Assert.Equal(expectedKey, problem.Key);
        Assert.Contains(message, problem.Message);
        Assert.Empty(settings.Destinations);
    }

    [Fact]
    public void Read_DiscordWithBothAddresses_NamesTheKey()
    {
        var settings = Read(
            ("Discord:Destinations:0:Name", "desk"),
            ("Discord:Destinations:0:ChannelId", "1"),
            ("Discord:Destinations:0:WebhookUrl", "https://discord.com/api/webhooks/1/abc"));

        var problem = Assert.Single(settings.Problems);
        Assert.Equal("Discord:Destinations:0:WebhookUrl", problem.Key);
        Assert.Contains("exactly one", problem.Message);
    }

    [Fact]
    public void Read_DiscordWithNeitherAddress_NamesChannelId()
    {
        var settings = Read(("Discord:Destinations:3:Name", "desk"));

        Assert.Equal("Discord:Destinations:3:ChannelId", Assert.Single(settings.Problems).Key);
    }

    [Theory]
    [InlineData("blue")]
    [InlineData("#12345")]
    [InlineData("16777216")]
    public void Read_BadColor_NamesTheKey(string color)
    {
        var settings = Read(
            ("Discord:Destinations:0:Name", "desk"),
            ("Discord:Destinations:0:ChannelId", "1"),
            ("Discord:Destinations:0:Color", color));

        Assert.Equal("Discord:Destinations:0:Color", Assert.Single(settings.Problems).Key);
    }

    [Fact]
    public void Read_BadSendCorrections_NamesTheKey()
    {
        var settings = Read(("Email:Destinations:0:Name", "readers"), ("Email:Destinations:0:SendCorrections", "sometimes"));

        Assert.Equal("Email:Destinations:0:SendCorrections", Assert.Single(settings.Problems).Key);
    }

    [Fact]
    public void Read_DuplicateNameAcrossChannels_NamesTheSecond()
    {
        var settings = Read(
            ("Telegram:Destinations:0:Name", "News"),
            ("Telegram:Destinations:0:ChatId", "1"),
            ("Email:Destinations:0:Name", "news"));

        var problem = Assert.Single(settings.Problems);
        Assert.Equal("Email:Destinations:0:Name", problem.Key);
        Assert.Contains("Telegram:Destinations:0:Name", problem.Message);
        Assert.Single(settings.Destinations);
    }

    [Fact]
    public void Read_DuplicateOfADestinationWithOtherProblems_BothReported()
    {
        var settings = Read(
            ("Telegram:Destinations:0:Name", "News"),
            ("Discord:Destinations:0:Name", "news"),
            ("Discord:Destinations:0:ChannelId", "42"));

        Assert.Equal(
            ["Telegram:Destinations:0:ChatId", "Discord:Destinations:0:Name"],
            settings.Problems.Select(p => p.Key));
        Assert.Empty(settings.Destinations);
    }

    [Fact]
    public void Read_TheSubscribersReservedName_NamesTheKey()
    {
        var settings = Read(
            ("Discord:Destinations:0:Name", "Telegram-Subscribers"),
            ("Discord:Destinations:0:ChannelId", "42"));

        var problem = Assert.Single(settings.Problems);
        Assert.Equal("Discord:Destinations:0:Name", problem.Key);
        Assert.Contains("reserved", problem.Message);
        Assert.Empty(settings.Destinations);
    }

    [Fact]
    public void Read_FilterAsStringAndSection_IsRefused()
    {
        var settings = Read(
            ("Email:Destinations:0:Name", "readers"),
            ("Email:Destinations:0:Filter", "tag:a"),
            ("Email:Destinations:0:Filter:Tags:0", "b"));

        Assert.Equal("Email:Destinations:0:Filter", Assert.Single(settings.Problems).Key);
    }

    [Fact]
    public void Read_WebhookProblem_DoesNotEchoTheUrl()
    {
        var settings = Read(("Discord:Destinations:0:Name", "desk"), ("Discord:Destinations:0:WebhookUrl", "ftp://secret-token"));

        Assert.DoesNotContain("secret-token", Assert.Single(settings.Problems).ToString());
    }

    [Fact]
    public void Read_KeysInAnyCase_AreRead()
    {
        var settings = Read(("telegram:destinations:0:name", "main"), ("TELEGRAM:DESTINATIONS:0:CHATID", "5"));

        Assert.Equal("5", Assert.Single(settings.Destinations).Address);
    }
}
