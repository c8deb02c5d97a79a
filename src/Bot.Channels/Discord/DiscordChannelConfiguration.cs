using Microsoft.Extensions.Configuration;

namespace Bot.Channels.Discord;

/// <summary>Tells the host whether Discord sends for real or runs dry.</summary>
public static class DiscordChannelConfiguration
{
    /// <summary>
    /// True when <c>Discord:BotToken</c> is set or any <c>Discord:Destinations:N:WebhookUrl</c> is: a webhook needs no
    /// bot token, so a webhook-only setup is a real channel too.
    /// </summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DiscordOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(section["BotToken"]))
        {
            return true;
        }

        return section.GetSection("Destinations").GetChildren().Any(d => !string.IsNullOrWhiteSpace(d["WebhookUrl"]));
    }
}
