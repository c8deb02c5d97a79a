using System.Text.RegularExpressions;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Logging;

/// <summary>
/// Removes secrets from text bound for logs: Telegram tokens inside API URLs (an HttpClient or exception
/// message quotes the whole request URI), connection-string passwords, the tokens of confirm and unsubscribe
/// links (a request log line quotes the URL, and each token is a subscriber's key to their subscription), and the
/// literal values of the configured secret keys wherever they appear.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "***";

    private static readonly string[] SecretKeys =
    [
        "Telegram:BotToken",
        "Discord:BotToken",
        "Email:Smtp:Password",
        "Email:TokenKey",
        "Http:AdminKey",
    ];

    // Each a list of secrets: every entry is one.
    private static readonly string[] SecretLists = ["Email:PreviousTokenKeys"];

    private readonly string[] _literals;

    public SecretRedactor(IConfiguration configuration)
    {
        // The article API's keys are a list: every Http:ApiKeys:N:Key.
        var apiKeys = configuration.GetSection("Http:ApiKeys").GetChildren().Select(k => k["Key"]);
        _literals = SecretKeys
            .Select(k => configuration[k])
            .Concat(apiKeys)
            .Concat(SecretLists.SelectMany(k => configuration.GetSection(k).GetChildren().Select(c => c.Value)))
            .Where(v => !string.IsNullOrWhiteSpace(v) && v.Length >= 4)
            .Select(v => v!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)
            .ToArray();
    }

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var literal in _literals)
        {
            text = text.Replace(literal, Mask, StringComparison.Ordinal);
        }

        text = TelegramToken().Replace(text, "bot" + Mask);
        text = SubscriptionLinks.RedactTokens(text);
        return Password().Replace(text, m => m.Groups[1].Value + Mask);
    }

    [GeneratedRegex(@"bot\d+:[A-Za-z0-9_-]+", RegexOptions.CultureInvariant)]
    private static partial Regex TelegramToken();


    [GeneratedRegex(@"(\b(?:Password|Pwd)\s*=\s*)[^;]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Password();
}
