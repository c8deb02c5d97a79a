using Microsoft.Extensions.Options;

namespace Bot.Channels.Discord;

/// <summary>Stops start-up with a message naming the key when the Discord section is unusable. Never echoes a token or webhook URL.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.HasBotToken && options.BotToken!.Any(char.IsWhiteSpace))
        {
            failures.Add("Discord:BotToken must not contain spaces (give the token alone, without a \"Bot \" prefix).");
        }

        if (options.ApiBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Discord:ApiBaseUrl must be an absolute http or https URL.");
        }

        if (options.GatewayUrl is { OriginalString.Length: > 0 } gateway && !(gateway.IsAbsoluteUri && (gateway.Scheme == "wss" || gateway.Scheme == "ws")))
        {
            failures.Add("Discord:GatewayUrl must be an absolute wss:// (or ws://) URL.");
        }

        if (options.HasApplicationId && !(options.ApplicationId!.Length <= 20 && options.ApplicationId.All(char.IsAsciiDigit)))
        {
            failures.Add("Discord:ApplicationId must be the application's id (digits).");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("Discord:RequestTimeout must be positive.");
        }

        if (options.GlobalRequestsPerSecond < 1)
        {
            failures.Add("Discord:GlobalRequestsPerSecond must be at least 1.");
        }

        if (options.MaxBucketWait < TimeSpan.Zero)
        {
            failures.Add("Discord:MaxBucketWait must not be negative.");
        }

        for (var i = 0; i < options.Destinations.Count; i++)
        {
            var destination = options.Destinations[i];
            var key = $"Discord:Destinations:{i}";
            var hasChannel = !string.IsNullOrWhiteSpace(destination.ChannelId);
            var hasWebhook = !string.IsNullOrWhiteSpace(destination.WebhookUrl);
            if (hasChannel == hasWebhook)
            {
                failures.Add($"{key} needs exactly one of ChannelId and WebhookUrl.");
            }
            else if (hasChannel && !(DiscordMessageTarget.TryParse(destination.ChannelId, out var t) && t is DiscordMessageTarget.Channel))
            {
                failures.Add($"{key}:ChannelId must be a channel id (digits).");
            }
            else if (hasWebhook && !(DiscordMessageTarget.TryParse(destination.WebhookUrl, out var w) && w is DiscordMessageTarget.Webhook))
            {
                failures.Add($"{key}:WebhookUrl must look like https://discord.com/api/webhooks/<id>/<token>.");
            }
            else if (hasChannel && !options.HasBotToken && options.Destinations.Any(d => !string.IsNullOrWhiteSpace(d.WebhookUrl)))
            {
                // Without a token and without webhooks the channel runs dry; with webhooks it sends, and this one could not.
                failures.Add($"{key}:ChannelId needs Discord:BotToken.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
