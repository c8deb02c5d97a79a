using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Http.Admin;

/// <summary>
/// The admin key (<c>Http:AdminKey</c>) as the HTTP surface uses it: only its SHA-256 is kept, a candidate is
/// compared by hash in constant time, and the pages' sessions are tied to it by <see cref="SessionKeyId"/>, so that
/// changing the key ends every session. Neither a response nor a cookie jar ever carries the key itself.
/// </summary>
public sealed class AdminKey
{
    public const string ConfigurationKey = "Http:AdminKey";

    /// <summary>Shorter keys are refused at start-up: the key is the only thing between the network and the bot.</summary>
    public const int MinimumLength = 16;

    private static readonly byte[] SessionLabel = Encoding.ASCII.GetBytes("bot admin session v2");

    private readonly byte[]? _hash;
    private readonly string? _session;

    public AdminKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        _session = Base64Url(HMACSHA256.HashData(_hash, SessionLabel));
    }

    public static AdminKey From(IConfiguration configuration) => new(configuration[ConfigurationKey]);

    /// <summary>False when <c>Http:AdminKey</c> is not set: every <c>/admin</c> request is refused.</summary>
    public bool IsConfigured => _hash is not null;

    /// <summary>Names this key among sessions in the store without revealing it; changes when the key changes.</summary>
    public string SessionKeyId => _session ?? throw new InvalidOperationException("the admin key is not configured");

    public bool Matches(string? candidate) => Equal(candidate, _hash, c => SHA256.HashData(Encoding.UTF8.GetBytes(c)));

    /// <summary>A key from an <c>Authorization: Bearer KEY</c> header; null for any other header.</summary>
    public static string? BearerOf(string? authorization)
    {
        const string scheme = "Bearer ";
        return authorization is not null && authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            ? authorization[scheme.Length..].Trim()
            : null;
    }

    // Both sides are hashed first, so the comparison takes the same time whatever the candidate's length.
    private static bool Equal(string? candidate, byte[]? expected, Func<string, byte[]> hash) =>
        expected is not null && !string.IsNullOrEmpty(candidate) && CryptographicOperations.FixedTimeEquals(hash(candidate), expected);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
