using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Bot.Core.Admin.Sessions;

namespace Bot.Host.Http.Admin;

/// <summary>
/// Sign-ins to the admin pages: each login gets a random id (256 bits) that only the cookie holds; the store keeps
/// its SHA-256 with the expiry, so every host sharing the store accepts it and a sign-out anywhere ends it. A session
/// lasts <see cref="Lifetime"/> from sign-in, however active, and ends at once when the admin key changes.
/// </summary>
public sealed class AdminSessions(IAdminSessionStore store, AdminKey key, TimeProvider time)
{
    /// <summary>How long a sign-in lasts, from the login: then the admin signs in again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private const int IdLength = 43;

    // Sessions this host found valid, with their expiry: lets the rate limiter, which cannot wait for the store,
    // spare a signed-in admin. Access itself is always decided by the store.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>Opens a session; returns the cookie value and when it expires.</summary>
    public async Task<(string Id, DateTimeOffset ExpiresAt)> StartAsync(string? origin, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await store.RemoveExpiredAsync(now, cancellationToken);
        foreach (var (hash, expires) in _seen)
        {
            if (expires <= now) _seen.TryRemove(hash, out _);
        }

        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var session = new AdminSession(Hash(id), key.SessionKeyId, now, now + Lifetime, origin);
        await store.AddAsync(session, cancellationToken);
        _seen[session.IdHash] = session.ExpiresAt;
        return (id, session.ExpiresAt);
    }

    /// <summary>True for the id of a session that is open, not expired, and of the current admin key.</summary>
    public async Task<bool> IsValidAsync(string? id, CancellationToken cancellationToken)
    {
        if (!key.IsConfigured || !IsWellFormed(id))
        {
            return false;
        }

        var hash = Hash(id!);
        var session = await store.FindAsync(hash, cancellationToken);
        if (session is null || session.ExpiresAt <= time.GetUtcNow() || session.KeyId != key.SessionKeyId)
        {
            _seen.TryRemove(hash, out _);
            return false;
        }

        _seen[hash] = session.ExpiresAt;
        return true;
    }

    /// <summary>Whether this host saw the session valid and it has not expired since; for the rate limiter only.</summary>
    public bool WasRecentlyValid(string? id) =>
        IsWellFormed(id) && _seen.TryGetValue(Hash(id!), out var expires) && expires > time.GetUtcNow();

    /// <summary>Ends the session (sign-out); an unknown or malformed id changes nothing.</summary>
    public async Task EndAsync(string? id, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(id))
        {
            return;
        }

        var hash = Hash(id!);
        _seen.TryRemove(hash, out _);
        await store.RemoveAsync(hash, cancellationToken);
    }

    private static bool IsWellFormed(string? id) =>
        id is { Length: IdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(id)));
}
