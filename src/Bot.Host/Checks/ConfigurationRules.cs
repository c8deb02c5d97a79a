using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Bot.Core.Delivery.Configuration;
using Bot.Host.Sources.Feeds;
using Bot.Host.Sources.Inbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Checks;

/// <summary>
/// The configuration keys of DESIGN.md checked without touching the network: pure, so every verb can
/// refuse a broken configuration before it starts and <c>bot check</c> can list every problem at once.
/// Messages never quote a secret's value.
/// </summary>
public static partial class ConfigurationRules
{
    public const string DefaultHttpUrls = "http://127.0.0.1:8080";

    private static readonly string[] Providers = ["sqlite", "postgres"];
    private static readonly string[] SmtpSecurity = ["None", "StartTls", "SslOnConnect", "Auto"];

    /// <summary>Problems under <c>Store:</c> only, which are the ones that stop a one-shot verb.</summary>
    public static IEnumerable<CheckProblem> ValidateStore(IConfiguration configuration)
    {
        var provider = configuration["Store:Provider"];
        if (provider is not null && !Providers.Contains(provider, StringComparer.OrdinalIgnoreCase))
        {
            yield return new($"must be 'sqlite' or 'postgres', not '{provider}'", "Store:Provider");
        }

        var connection = configuration["Store:ConnectionString"];
        if (connection is not null && string.IsNullOrWhiteSpace(connection))
        {
            yield return new("must not be empty", "Store:ConnectionString");
        }
    }

    public static IEnumerable<CheckProblem> Validate(IConfiguration configuration)
    {
        foreach (var p in ValidateStore(configuration)) yield return p;
        foreach (var p in ValidateHttp(configuration)) yield return p;
        foreach (var p in Http.Articles.ApiKeyRules.Validate(configuration)) yield return p;
        foreach (var p in ValidateFeeds(configuration)) yield return p;
        foreach (var p in InboxRules.Validate(configuration)) yield return p;
        foreach (var p in ValidateTelegram(configuration)) yield return p;
        foreach (var p in ValidateDiscord(configuration)) yield return p;
        foreach (var p in ValidateEmail(configuration)) yield return p;
        foreach (var p in ValidateDestinations(configuration)) yield return p;
        foreach (var p in Delivery.PacingConfiguration.Read(configuration).Problems) yield return p;
        foreach (var p in ValidateLogLevels(configuration)) yield return p;
    }

    /// <summary>The listen addresses, split as Kestrel splits them.</summary>
    public static IReadOnlyList<string> HttpUrls(IConfiguration configuration) =>
        (configuration["Http:Urls"] ?? DefaultHttpUrls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<CheckProblem> ValidateHttp(IConfiguration configuration)
    {
        var urls = HttpUrls(configuration);
        if (urls.Count == 0)
        {
            yield return new("must name at least one URL such as http://127.0.0.1:8080", "Http:Urls");
        }

        foreach (var url in urls)
        {
            if (ListenUrl(url) is null)
            {
                yield return new($"'{url}' is not an address like http://127.0.0.1:8080", "Http:Urls");
            }
        }

        var adminKey = configuration[Http.Admin.AdminKey.ConfigurationKey];
        if (!string.IsNullOrEmpty(adminKey) && adminKey.Length < Http.Admin.AdminKey.MinimumLength)
        {
            yield return new($"must be at least {Http.Admin.AdminKey.MinimumLength} characters (a long random string)", Http.Admin.AdminKey.ConfigurationKey);
        }

        foreach (var p in Http.TrustedProxies.Validate(configuration)) yield return p;
        foreach (var p in Http.MetricsAccess.Validate(configuration)) yield return p;
    }

    /// <summary>A listen address as Kestrel takes it (wildcard hosts <c>*</c> and <c>+</c> included), or null when it is not one.</summary>
    public static Uri? ListenUrl(string url)
    {
        // Kestrel's wildcard hosts are not URI hosts; check the rest of the address.
        var parseable = WildcardHost().Replace(url, "${1}0.0.0.0");
        return Uri.TryCreate(parseable, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.AbsolutePath == "/"
                ? uri
                : null;
    }

    // The poller's own rules, so bot check and bot run accept the same feeds.
    private static IEnumerable<CheckProblem> ValidateFeeds(IConfiguration configuration) => FeedRules.Validate(configuration);

    private static IEnumerable<CheckProblem> ValidateTelegram(IConfiguration configuration)
    {
        var token = configuration["Telegram:BotToken"];
        if (!string.IsNullOrEmpty(token) && !TelegramToken().IsMatch(token))
        {
            yield return new("does not look like a Telegram bot token (digits, a colon, then the secret)", "Telegram:BotToken");
        }

        foreach (var p in ValidateUrl(configuration, "Telegram:ApiBaseUrl")) yield return p;
        foreach (var p in ValidateIds(configuration, "Telegram:Admins")) yield return p;
    }

    private static IEnumerable<CheckProblem> ValidateDiscord(IConfiguration configuration)
    {
        foreach (var p in ValidateUrl(configuration, "Discord:ApiBaseUrl")) yield return p;
        foreach (var p in ValidateUrl(configuration, "Discord:GatewayUrl", "ws", "wss")) yield return p;
        foreach (var p in ValidateIds(configuration, "Discord:Admins")) yield return p;

        foreach (var key in new[] { "Discord:ApplicationId", "Discord:GuildId" })
        {
            var id = configuration[key];
            if (!string.IsNullOrEmpty(id) && !ulong.TryParse(id, CultureInfo.InvariantCulture, out _))
            {
                yield return new("must be a numeric id", key);
            }
        }
    }

    private static IEnumerable<CheckProblem> ValidateEmail(IConfiguration configuration)
    {
        var host = configuration["Email:Smtp:Host"];
        var port = configuration["Email:Smtp:Port"];
        if (port is not null && (!int.TryParse(port, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535))
        {
            yield return new($"'{port}' is not a port number", "Email:Smtp:Port");
        }

        var security = configuration["Email:Smtp:Security"];
        if (security is not null && !SmtpSecurity.Contains(security, StringComparer.OrdinalIgnoreCase))
        {
            yield return new($"must be None, StartTls, SslOnConnect or Auto, not '{security}'", "Email:Smtp:Security");
        }

        var trusted = configuration["Email:Smtp:TrustedCertificate"];
        if (!string.IsNullOrWhiteSpace(trusted) && !File.Exists(trusted))
        {
            yield return new($"file not found: '{trusted}'", "Email:Smtp:TrustedCertificate");
        }

        var from = configuration["Email:From"];
        if (!string.IsNullOrWhiteSpace(host) && string.IsNullOrWhiteSpace(from))
        {
            yield return new("is required when Email:Smtp:Host is set", "Email:From");
        }
        else if (!string.IsNullOrWhiteSpace(from) && !MailAddress.TryCreate(from, out _))
        {
            yield return new($"'{from}' is not an email address", "Email:From");
        }

        if (!string.IsNullOrWhiteSpace(host) && string.IsNullOrWhiteSpace(configuration["Email:PublicBaseUrl"]))
        {
            yield return new("is required when Email:Smtp:Host is set: the public root of the confirm and unsubscribe links, such as https://news.example.org", "Email:PublicBaseUrl");
        }

        foreach (var p in ValidateUrl(configuration, "Email:PublicBaseUrl")) yield return p;
        foreach (var p in Subscriptions.SubscriptionTokenKeyRules.Validate(configuration)) yield return p;
    }

    // The logging framework throws from whichever thread first logs, which takes the process down with a trace.
    private static IEnumerable<CheckProblem> ValidateLogLevels(IConfiguration configuration)
    {
        var sections = configuration.GetSection("Logging").GetChildren()
            .Select(provider => provider.GetSection("LogLevel"))
            .Prepend(configuration.GetSection("Logging:LogLevel"));
        foreach (var level in sections.SelectMany(s => s.GetChildren()))
        {
            if (level.Value is { } value && !(Enum.TryParse<LogLevel>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)))
            {
                yield return new($"value '{value}' is not one of {string.Join(", ", Enum.GetNames<LogLevel>())}", level.Path);
            }
        }
    }

    // The engine's reader owns the destination rules, so bot check reports exactly what bot run would refuse.
    private static IEnumerable<CheckProblem> ValidateDestinations(IConfiguration configuration) =>
        DestinationSettingsReader.Read(configuration.AsEnumerable()).Problems.Select(p => new CheckProblem(p.Message, p.Key));

    private static IEnumerable<CheckProblem> ValidateIds(IConfiguration configuration, string key)
    {
        foreach (var admin in configuration.GetSection(key).GetChildren())
        {
            if (admin.Value is not null && !long.TryParse(admin.Value, CultureInfo.InvariantCulture, out _))
            {
                yield return new($"'{admin.Value}' is not a numeric user id", admin.Path);
            }
        }
    }

    private static IEnumerable<CheckProblem> ValidateUrl(IConfiguration configuration, string key, params string[] schemes)
    {
        var value = configuration[key];
        if (string.IsNullOrEmpty(value))
        {
            yield break;
        }

        string[] allowed = schemes.Length == 0 ? [Uri.UriSchemeHttp, Uri.UriSchemeHttps] : schemes;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !allowed.Contains(uri.Scheme))
        {
            yield return new($"'{value}' is not an absolute {string.Join(" or ", allowed)} URL", key);
        }
    }

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TelegramToken();

    [GeneratedRegex(@"^(https?://)(\*|\+)(?=[:/]|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WildcardHost();
}
