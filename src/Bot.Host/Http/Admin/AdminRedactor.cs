using Bot.Core.Delivery.Dispatch;
using Bot.Host.Logging;

namespace Bot.Host.Http.Admin;

/// <summary>
/// Keeps credentials out of what the admin surface shows: the configured secrets (through the log redactor) and
/// webhook URLs, which carry their token in the path. An error text may quote either.
/// </summary>
public sealed class AdminRedactor(SecretRedactor secrets, DestinationCatalog catalog)
{
    public const string Webhook = "webhook";

    private readonly string[] _urls = catalog.All.Select(d => d.Address).Where(IsUrl).Distinct(StringComparer.Ordinal)
        .OrderByDescending(a => a.Length).ToArray();

    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var url in _urls)
        {
            text = text.Replace(url, Webhook, StringComparison.OrdinalIgnoreCase);
        }

        return secrets.Redact(text);
    }

    /// <summary>A destination's address fit to show: a URL becomes <see cref="Webhook"/>.</summary>
    public static string Address(string address) => IsUrl(address) ? Webhook : address;

    private static bool IsUrl(string address) =>
        address.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || address.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
