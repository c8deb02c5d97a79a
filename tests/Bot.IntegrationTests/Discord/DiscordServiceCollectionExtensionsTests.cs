using Bot.Channels.Discord;
using Bot.Core.Channels;
using Bot.IntegrationTests.Fakes.DiscordApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Bot.IntegrationTests.Discord;

public sealed class DiscordServiceCollectionExtensionsTests
{
    private const string WebhookUrl = "https://discord.com/api/webhooks/1180000000000000009/secret-webhook-token";

    [Fact]
    public void AddDiscordChannel_WithBotToken_RegistersTheSenderAsAChannel()
    {
        var values = new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = "MTA5.GfAkE1.token",
            ["Discord:Destinations:0:Name"] = "news",
            ["Discord:Destinations:0:ChannelId"] = "1100000000000000001",
        };
        using var provider = Build(values);

        var channel = Assert.Single(provider.GetServices<IChannelSender>());
        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;

        Assert.IsType<DiscordChannelSender>(channel);
        Assert.Equal(ChannelNames.Discord, channel.Channel);
        Assert.Equal(new Uri("https://discord.com/api/v10"), options.ApiBaseUrl);
        Assert.Equal(50, options.GlobalRequestsPerSecond);
        Assert.Equal("1100000000000000001", Assert.Single(options.Destinations).ChannelId);
        Assert.True(DiscordChannelConfiguration.IsConfigured(Configuration(values)));
        Assert.NotNull(provider.GetRequiredService<DiscordRestClient>());
    }

    [Fact]
    public async Task AddDiscordChannel_PointedAtTheFake_TheRegisteredChannelSendsThroughTheConfiguredRoot()
    {
        await using var api = await FakeDiscordApi.StartAsync();
        using var provider = Build(new()
        {
            ["Discord:BotToken"] = api.BotToken,
            ["Discord:ApiBaseUrl"] = api.ApiBaseUrl.ToString(),
        });
        var channel = Assert.Single(provider.GetServices<IChannelSender>());

        var outcome = await channel.SendAsync(
            new DeliveryTarget(ChannelNames.Discord, "news", "1100000000000000001"),
            new DiscordMessage([new DiscordPart("مرحبا")]),
            [],
            CancellationToken.None);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Equal("مرحبا", Assert.Single(api.Messages).Content);
        Assert.StartsWith("/api/v10/channels/", Assert.Single(api.Journal).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDiscordChannel_WebhookOnly_IsConfiguredWithoutABotToken()
    {
        var values = new Dictionary<string, string?>
        {
            ["Discord:Destinations:0:Name"] = "news",
            ["Discord:Destinations:0:WebhookUrl"] = WebhookUrl,
            ["Discord:Destinations:0:Template"] = "short",
        };
        using var provider = Build(values);

        Assert.IsType<DiscordChannelSender>(Assert.Single(provider.GetServices<IChannelSender>()));
        Assert.True(DiscordChannelConfiguration.IsConfigured(Configuration(values)));
    }

    [Fact]
    public void AddDiscordChannel_NothingConfigured_NoChannelSoTheHostRunsItDry()
    {
        var values = new Dictionary<string, string?> { ["Discord:Destinations:0:ChannelId"] = "1100000000000000001" };
        using var provider = Build(values);

        Assert.Empty(provider.GetServices<IChannelSender>());
        Assert.False(DiscordChannelConfiguration.IsConfigured(Configuration(values)));
        Assert.NotNull(provider.GetRequiredService<IOptions<DiscordOptions>>().Value);
    }

    [Theory]
    [InlineData("Discord:ApiBaseUrl", "ftp://discord.com/api/v10", "Discord:ApiBaseUrl")]
    [InlineData("Discord:GlobalRequestsPerSecond", "0", "Discord:GlobalRequestsPerSecond")]
    [InlineData("Discord:RequestTimeout", "00:00:00", "Discord:RequestTimeout")]
    [InlineData("Discord:Destinations:0:ChannelId", "#news", "Discord:Destinations:0:ChannelId")]
    [InlineData("Discord:Destinations:0:WebhookUrl", "https://discord.com/webhooks/secret-webhook-token", "Discord:Destinations:0:WebhookUrl")]
    public void AddDiscordChannel_BadValue_ValidationNamesTheKeyAndNeverASecret(string key, string value, string named)
    {
        using var provider = Build(new() { ["Discord:BotToken"] = "MTA5.GfAkE1.token", [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-webhook-token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MTA5.GfAkE1.token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDiscordChannel_ChannelIdBesideWebhooksWithoutBotToken_FailsAtStart()
    {
        using var provider = Build(new()
        {
            ["Discord:Destinations:0:WebhookUrl"] = WebhookUrl,
            ["Discord:Destinations:1:ChannelId"] = "1100000000000000001",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("Discord:Destinations:1:ChannelId needs Discord:BotToken", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDiscordChannel(Configuration(values));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
