using System.Net;
using Bot.Host.Checks;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Http;

/// <summary>
/// The reverse proxies whose forwarded headers (<c>X-Forwarded-For</c>, <c>-Proto</c>, <c>-Host</c>) are believed:
/// <c>Http:KnownProxies:N</c> (addresses) and <c>Http:KnownNetworks:N</c> (CIDR networks). Nobody else's are: a
/// client that sends the headers itself could otherwise pick the address the rate limits count it under, or claim
/// https. The rules are shared by <c>bot check</c>, the guard in front of <c>bot run</c> and the host.
/// </summary>
public sealed record TrustedProxies(IReadOnlyList<IPAddress> Proxies, IReadOnlyList<IPNetwork> Networks)
{
    public const string ProxiesKey = "Http:KnownProxies";
    public const string NetworksKey = "Http:KnownNetworks";

    public bool IsEmpty => Proxies.Count == 0 && Networks.Count == 0;

    public static IEnumerable<CheckProblem> Validate(IConfiguration configuration)
    {
        foreach (var entry in configuration.GetSection(ProxiesKey).GetChildren().Where(e => e.Value is not null))
        {
            if (!IPAddress.TryParse(entry.Value!.Trim(), out _))
            {
                yield return new($"'{entry.Value}' is not an IP address such as 10.0.0.5 or fd00::5", entry.Path);
            }
        }

        foreach (var entry in configuration.GetSection(NetworksKey).GetChildren().Where(e => e.Value is not null))
        {
            if (!TryParseNetwork(entry.Value!.Trim(), out _))
            {
                yield return new($"'{entry.Value}' is not a network in CIDR notation such as 10.0.0.0/8 or fd00::/8 (no host bits set)", entry.Path);
            }
        }
    }

    /// <summary>The configured proxies; values <see cref="Validate"/> refuses are an error here.</summary>
    public static TrustedProxies Read(IConfiguration configuration)
    {
        if (Validate(configuration).FirstOrDefault() is { } problem)
        {
            throw new InvalidOperationException($"{problem.Key}: {problem.Message}");
        }

        return new(
            [.. configuration.GetSection(ProxiesKey).GetChildren().Where(e => e.Value is not null).Select(e => IPAddress.Parse(e.Value!.Trim()))],
            [.. configuration.GetSection(NetworksKey).GetChildren().Where(e => e.Value is not null).Select(e => TryParseNetwork(e.Value!.Trim(), out var n) ? n : default)]);
    }

    /// <summary>
    /// A network whose address has no bits past the prefix: <c>10.0.0.1/8</c> is refused rather than read as
    /// <c>10.0.0.0/8</c>, since it is more likely a single proxy written with the wrong prefix than a wish to trust
    /// sixteen million addresses.
    /// </summary>
    private static bool TryParseNetwork(string value, out IPNetwork network) =>
        IPNetwork.TryParse(value, out network)
        && IPAddress.TryParse(value.AsSpan(0, value.IndexOf('/')), out var address)
        && address.Equals(network.BaseAddress);
}
