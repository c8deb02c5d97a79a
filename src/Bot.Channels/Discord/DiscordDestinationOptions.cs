namespace Bot.Channels.Discord;

/// <summary>One <c>Discord:Destinations:N</c> entry, as far as the channel cares: where it sends.</summary>
public sealed class DiscordDestinationOptions
{
    /// <summary>Destination name (<c>:Name</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Channel id, a snowflake (<c>:ChannelId</c>); needs <c>Discord:BotToken</c>.</summary>
    public string? ChannelId { get; set; }

    /// <summary>Webhook URL <c>https://discord.com/api/webhooks/{id}/{token}</c> (<c>:WebhookUrl</c>); a secret.</summary>
    public string? WebhookUrl { get; set; }
}
