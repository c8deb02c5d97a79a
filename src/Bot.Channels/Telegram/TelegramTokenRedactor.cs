using System.Text.RegularExpressions;
using Bot.Core.Channels;

namespace Bot.Channels.Telegram;

/// <summary>
/// Removes bot tokens from text before it is logged, returned or stored. The token travels in the URL path
/// (<c>/bot&lt;id&gt;:&lt;secret&gt;/method</c>), so anything that echoes a URL would otherwise leak it.
/// </summary>
public sealed partial class TelegramTokenRedactor(string? token)
{
    public const string Mask = "***";

    /// <summary>Replaces the configured token, any <c>bot&lt;digits&gt;:&lt;secret&gt;</c> and any bare token-shaped string.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        if (!string.IsNullOrEmpty(token))
        {
            text = text.Replace(token, Mask, StringComparison.Ordinal)
                .Replace(Uri.EscapeDataString(token), Mask, StringComparison.OrdinalIgnoreCase);
        }

        text = TokenInPath().Replace(text, "bot" + Mask);
        return BareToken().Replace(text, Mask);
    }

    /// <summary>The same outcome with every reason redacted.</summary>
    public SendOutcome Redact(SendOutcome outcome) => outcome switch
    {
        SendOutcome.RetryLater retry => retry with { Reason = Redact(retry.Reason) },
        SendOutcome.Rejected rejected => rejected with { Reason = Redact(rejected.Reason) },
        SendOutcome.Unavailable unavailable => unavailable with { Reason = Redact(unavailable.Reason) },
        _ => outcome,
    };

    [GeneratedRegex(@"bot\d{1,16}(:|%3A)[A-Za-z0-9_\-]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenInPath();

    // Real tokens carry a 35-character secret; requiring 30+ keeps ordinary "12:30" times out of it.
    [GeneratedRegex(@"\b\d{5,16}(:|%3A)[A-Za-z0-9_\-]{30,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareToken();
}
