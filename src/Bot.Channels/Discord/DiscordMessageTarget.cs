using System.Text.RegularExpressions;

namespace Bot.Channels.Discord;

/// <summary>Where Discord messages of one destination live: a channel the bot posts to, or a webhook.</summary>
public abstract partial record DiscordMessageTarget
{
    private DiscordMessageTarget()
    {
    }

    /// <summary>Whether requests go without the bot token (webhook routes carry their own token in the path).</summary>
    public abstract bool IsWebhook { get; }

    /// <summary>
    /// Reads a destination address: a channel id (digits) or a webhook URL <c>https://host/api[/vN]/webhooks/{id}/{token}</c>.
    /// The webhook's host is not kept: requests always go to <c>Discord:ApiBaseUrl</c>.
    /// </summary>
    public static bool TryParse(string? address, out DiscordMessageTarget? target)
    {
        target = null;
        if (string.IsNullOrWhiteSpace(address))
        {
            return false;
        }

        var trimmed = address.Trim();
        if (Snowflake().IsMatch(trimmed))
        {
            target = new Channel(trimmed);
            return true;
        }

        var match = WebhookUrl().Match(trimmed);
        if (match.Success)
        {
            target = new Webhook(match.Groups["id"].Value, match.Groups["token"].Value);
            return true;
        }

        return false;
    }

    /// <summary>The route that creates a message.</summary>
    public abstract DiscordRoute Create();

    /// <summary>The route that edits or deletes message <paramref name="messageId"/>.</summary>
    public abstract DiscordRoute Message(HttpMethod method, string messageId);

    [GeneratedRegex(@"^\d{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex Snowflake();

    [GeneratedRegex(@"^https?://[^/\s]+/api(/v\d+)?/webhooks/(?<id>\d{1,20})/(?<token>[A-Za-z0-9_\-\.]+)/?$", RegexOptions.CultureInvariant)]
    private static partial Regex WebhookUrl();

    /// <summary>A channel the bot posts to with <c>Authorization: Bot …</c>.</summary>
    public sealed record Channel(string ChannelId) : DiscordMessageTarget
    {
        public override bool IsWebhook => false;

        public override DiscordRoute Create() =>
            new(HttpMethod.Post, $"channels/{ChannelId}/messages", $"POST channels/{ChannelId}/messages", $"channels/{ChannelId}", false);

        public override DiscordRoute Message(HttpMethod method, string messageId) =>
            new(method, $"channels/{ChannelId}/messages/{messageId}", $"{method.Method} channels/{ChannelId}/messages/:message_id", $"channels/{ChannelId}", false);

        public override string ToString() => $"channel {ChannelId}";
    }

    /// <summary>
    /// A webhook. Its token is a secret: it appears only in request paths, never in route keys or
    /// <see cref="ToString"/>, which end up in logs.
    /// </summary>
    public sealed record Webhook(string WebhookId, string Token) : DiscordMessageTarget
    {
        public override bool IsWebhook => true;

        public override DiscordRoute Create() =>
            new(HttpMethod.Post, $"webhooks/{WebhookId}/{Token}?wait=true", $"POST webhooks/{WebhookId}/:token", $"webhooks/{WebhookId}", true);

        public override DiscordRoute Message(HttpMethod method, string messageId) =>
            new(method, $"webhooks/{WebhookId}/{Token}/messages/{messageId}", $"{method.Method} webhooks/{WebhookId}/:token/messages/:message_id", $"webhooks/{WebhookId}", true);

        public override string ToString() => $"webhook {WebhookId}";
    }
}
