using Bot.Channels.Discord;
using Bot.Core.Channels;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Delivery;

/// <summary>Which channels are configured to really send: the rest run dry (DESIGN.md "channels run dry").</summary>
public static class ChannelCredentials
{
    /// <summary>The key whose absence makes a channel dry.</summary>
    public static string KeyOf(string channel) => channel switch
    {
        ChannelNames.Telegram => "Telegram:BotToken",
        ChannelNames.Discord => "Discord:BotToken",
        ChannelNames.Email => "Email:Smtp:Host",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    public static IReadOnlySet<string> DryChannels(IConfiguration configuration) =>
        ChannelNames.All.Where(c => c == ChannelNames.Discord
                ? !DiscordChannelConfiguration.IsConfigured(configuration)
                : string.IsNullOrWhiteSpace(configuration[KeyOf(c)]))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
