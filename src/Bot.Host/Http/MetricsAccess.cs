using System.Security.Cryptography;
using System.Text;
using Bot.Host.Checks;
using Bot.Host.Http.Admin;
using Bot.Host.Http.Articles;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Http;

/// <summary>
/// Who may read <c>/metrics</c>, and where. By default whoever reaches <c>Http:Urls</c>, as before: its default is a
/// loopback address, so only this machine, and every scraper already pointed at it keeps working.
/// <c>Http:MetricsUrls</c> gives it listen addresses of its own (which then serve only <c>/metrics</c> and
/// <c>/healthz</c>, and <c>Http:Urls</c> no longer serves it), so a monitoring network can reach the figures and
/// nothing else; <c>Http:MetricsKey</c> asks for <c>Authorization: Bearer KEY</c> with a key of its own, never the
/// admin key, so that a scraper's configuration cannot open <c>/admin</c>. Either, both or neither may be set.
/// </summary>
public sealed class MetricsAccess
{
    public const string UrlsKey = "Http:MetricsUrls";
    public const string KeyKey = "Http:MetricsKey";
    public const int MinimumLength = 16;

    private readonly HashSet<int> _ports;
    private readonly byte[]? _keyHash;

    private MetricsAccess(IReadOnlyList<string> urls, string? key)
    {
        Urls = urls;
        _ports = [.. urls.Select(ConfigurationRules.ListenUrl).OfType<Uri>().Select(u => u.Port)];
        _keyHash = string.IsNullOrEmpty(key) ? null : Hash(key);
    }

    public static MetricsAccess From(IConfiguration configuration) => new(UrlsOf(configuration), configuration[KeyKey]);

    /// <summary>The metrics listen addresses, split as Kestrel splits <c>Http:Urls</c>; empty when <c>/metrics</c> shares <c>Http:Urls</c>.</summary>
    public static IReadOnlyList<string> UrlsOf(IConfiguration configuration) =>
        (configuration[UrlsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> Urls { get; }

    /// <summary><c>Http:MetricsUrls</c> is set.</summary>
    public bool HasOwnListener => _ports.Count > 0;

    /// <summary><c>Http:MetricsKey</c> is set.</summary>
    public bool RequiresKey => _keyHash is not null;

    /// <summary>The request came in on one of the metrics listen addresses (each has a port of its own).</summary>
    public bool OnMetricsListener(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _ports.Contains(context.Connection.LocalPort);
    }

    /// <summary>The request may read the figures: no key is asked for, or it carries the right one; compared by hash in constant time.</summary>
    public bool Admits(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_keyHash is null) return true;
        var candidate = AdminKey.BearerOf(context.Request.Headers.Authorization);
        return !string.IsNullOrEmpty(candidate) && CryptographicOperations.FixedTimeEquals(Hash(candidate), _keyHash);
    }

    /// <summary>The rules for both keys, for <c>bot check</c> and the guard in front of <c>bot run</c>. No message quotes a key.</summary>
    public static IEnumerable<CheckProblem> Validate(IConfiguration configuration)
    {
        var taken = ConfigurationRules.HttpUrls(configuration).Select(ConfigurationRules.ListenUrl).OfType<Uri>().Select(u => u.Port).ToHashSet();
        foreach (var url in UrlsOf(configuration))
        {
            var uri = ConfigurationRules.ListenUrl(url);
            if (uri is null)
            {
                yield return new($"'{url}' is not an address like http://127.0.0.1:9464", UrlsKey);
            }
            else if (uri.Port == 0)
            {
                yield return new($"'{url}' needs a port number: the metrics listener is told apart by its port", UrlsKey);
            }
            else if (taken.Contains(uri.Port))
            {
                yield return new($"'{url}' uses port {uri.Port}, which Http:Urls uses too; give the metrics listener a port of its own", UrlsKey);
            }
        }

        var key = configuration[KeyKey];
        if (string.IsNullOrEmpty(key))
        {
            yield break;
        }

        if (key.Length < MinimumLength)
        {
            yield return new($"must be at least {MinimumLength} characters (a long random string)", KeyKey);
        }
        else if (key == configuration[AdminKey.ConfigurationKey])
        {
            yield return new($"must differ from {AdminKey.ConfigurationKey}: a scraper's key must not open /admin", KeyKey);
        }
        else if (configuration.GetSection(ApiKeys.Section).GetChildren().Any(entry => entry["Key"] == key))
        {
            yield return new($"must differ from every {ApiKeys.Section} key: a scraper's key must not post articles", KeyKey);
        }
    }

    /// <summary>Whether anyone off this machine may read <c>/metrics</c> unasked: it listens beyond loopback and wants no key.</summary>
    public bool OpenBeyondLoopback(IConfiguration configuration) =>
        !RequiresKey && (HasOwnListener ? Urls : ConfigurationRules.HttpUrls(configuration))
            .Select(ConfigurationRules.ListenUrl).OfType<Uri>().Any(u => !u.IsLoopback);

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
