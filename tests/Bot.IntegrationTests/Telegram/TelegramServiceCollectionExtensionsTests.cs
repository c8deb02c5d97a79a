using Bot.Channels.Telegram;
using Bot.Core.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

public sealed class TelegramServiceCollectionExtensionsTests
{
    [Fact]
    public void AddTelegramChannel_WithToken_RegistersSenderAsChannelAndBindsAdmins()
    {
        using var provider = Build(new()
        {
            ["Telegram:BotToken"] = "123:abc",
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:8081/ignored/path",
            ["Telegram:Admins:0"] = "42",
        });

        var channel = Assert.Single(provider.GetServices<IChannelSender>());
        var options = provider.GetRequiredService<IOptions<TelegramOptions>>().Value;

        Assert.IsType<TelegramChannelSender>(channel);
        Assert.Equal(ChannelNames.Telegram, channel.Channel);
        Assert.Equal([42L], options.Admins);
    }

    [Fact]
    public void AddTelegramChannel_WithoutToken_NoChannelSoTheHostRunsItDry()
    {
        using var provider = Build([]);

        Assert.Empty(provider.GetServices<IChannelSender>());
        Assert.Equal(new Uri("https://api.telegram.org"), provider.GetRequiredService<IOptions<TelegramOptions>>().Value.ApiBaseUrl);
    }

    [Theory]
    [InlineData("Telegram:BotToken", "not-a-token", "Telegram:BotToken")]
    [InlineData("Telegram:PollTimeout", "00:10:00", "Telegram:PollTimeout")]
    [InlineData("Telegram:ApiBaseUrl", "ftp://x", "Telegram:ApiBaseUrl")]
    public void AddTelegramChannel_BadValue_ValidationNamesTheKeyAndNeverTheToken(string key, string value, string named)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TelegramOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-token", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTelegramChannel(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
