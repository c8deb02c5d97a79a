namespace Bot.Core.Admin.Sessions;

/// <summary>Admin page sessions, in the store so that every host sharing it knows each sign-in and each sign-out.</summary>
public interface IAdminSessionStore
{
    Task AddAsync(AdminSession session, CancellationToken cancellationToken);

    /// <summary>The session with this id hash; null when unknown (never opened, signed out, or purged).</summary>
    Task<AdminSession?> FindAsync(string idHash, CancellationToken cancellationToken);

    /// <summary>Ends a session (sign-out); nothing happens for an unknown hash.</summary>
    Task RemoveAsync(string idHash, CancellationToken cancellationToken);

    /// <summary>Deletes the sessions that expired by <paramref name="now"/>; returns how many.</summary>
    Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
