using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Http.Articles;

/// <summary>
/// The keys allowed to post articles (<c>Http:ApiKeys:N:Name</c> and <c>:Key</c>), apart from the admin key: only each
/// key's SHA-256 is kept, and a candidate is compared with every key by hash in fixed time, so neither the time taken
/// nor a response tells which key came close.
/// </summary>
public sealed class ApiKeys
{
    public const string Section = "Http:ApiKeys";

    /// <summary>Shorter keys are refused at start-up, as for the admin key.</summary>
    public const int MinimumLength = 16;

    private readonly (string Name, byte[] Hash)[] _keys;

    public ApiKeys(IEnumerable<(string Name, string Key)> keys) =>
        _keys = [.. keys.Select(k => (k.Name, Hash(k.Key)))];

    /// <summary>The configured keys; entries without a name or a key are left out (<c>bot check</c> names them).</summary>
    public static ApiKeys From(IConfiguration configuration) =>
        new(configuration.GetSection(Section).GetChildren()
            .Select(k => (Name: k["Name"]?.Trim(), Key: k["Key"]))
            .Where(k => !string.IsNullOrEmpty(k.Name) && !string.IsNullOrEmpty(k.Key))
            .Select(k => (k.Name!, k.Key!)));

    /// <summary>False when no key is configured: the article API is off and answers 401.</summary>
    public bool IsConfigured => _keys.Length > 0;

    /// <summary>The name of the key <paramref name="candidate"/> is; null when it is none of them.</summary>
    public string? NameOf(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate)) return null;
        var hash = Hash(candidate);
        string? found = null;
        foreach (var (name, expected) in _keys)
        {
            // No early exit: every key is compared whichever one matches.
            if (CryptographicOperations.FixedTimeEquals(hash, expected)) found ??= name;
        }

        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
