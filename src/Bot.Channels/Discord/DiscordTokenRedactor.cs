using System.Text.RegularExpressions;
using Bot.Core.Channels;

namespace Bot.Channels.Discord;

/// <summary>
/// Removes the bot token and webhook tokens from text before it is logged, returned or stored. A webhook URL carries
/// its token in the path (<c>/webhooks/{id}/{token}</c>), and libraries that log URLs on failure leak it.
/// </summary>
public sealed partial class DiscordTokenRedactor(string? botToken)
{
    public const string Mask = "***";

    /// <summary>Replaces the bot token, <paramref name="secret"/> (a webhook token) and every <c>webhooks/{id}/{token}</c>.</summary>
    public string Redact(string? text, string? secret = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var value in new[] { botToken, secret })
        {
            if (!string.IsNullOrEmpty(value))
            {
                text = text.Replace(value, Mask, StringComparison.Ordinal)
                    .Replace(Uri.EscapeDataString(value), Mask, StringComparison.OrdinalIgnoreCase);
            }
        }

        return WebhookPath().Replace(text, "webhooks/${id}/" + Mask);
    }

    /// <summary>The same outcome with every reason redacted.</summary>
    public SendOutcome Redact(SendOutcome outcome, string? secret = null) => outcome switch
    {
        SendOutcome.RetryLater retry => retry with { Reason = Redact(retry.Reason, secret) },
        SendOutcome.Rejected rejected => rejected with { Reason = Redact(rejected.Reason, secret) },
        SendOutcome.Unavailable unavailable => unavailable with { Reason = Redact(unavailable.Reason, secret) },
        _ => outcome,
    };

    [GeneratedRegex(@"webhooks/(?<id>\d+)/(?!\*\*\*)[A-Za-z0-9_\-\.]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebhookPath();
}
