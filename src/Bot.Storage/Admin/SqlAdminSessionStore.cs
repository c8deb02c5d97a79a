using Bot.Core.Admin.Sessions;
using Dapper;

namespace Bot.Storage.Admin;

/// <summary><see cref="IAdminSessionStore"/> on the <c>admin_sessions</c> table (migration 0013).</summary>
public sealed class SqlAdminSessionStore(IDbConnectionFactory factory) : IAdminSessionStore
{
    public async Task AddAsync(AdminSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO admin_sessions (id_hash, key_id, created_at, expires_at, origin)
            VALUES (@IdHash, @KeyId, @CreatedAt, @ExpiresAt, @Origin)
            """,
            new { session.IdHash, session.KeyId, session.CreatedAt, session.ExpiresAt, session.Origin }, cancellationToken: cancellationToken));
    }

    public async Task<AdminSession?> FindAsync(string idHash, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT id_hash AS IdHash, key_id AS KeyId, created_at AS CreatedAt, expires_at AS ExpiresAt, origin FROM admin_sessions WHERE id_hash = @IdHash",
            new { IdHash = idHash }, cancellationToken: cancellationToken));
        return row is null ? null : new AdminSession(row.IdHash, row.KeyId, row.CreatedAt, row.ExpiresAt, row.Origin);
    }

    public async Task RemoveAsync(string idHash, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM admin_sessions WHERE id_hash = @IdHash", new { IdHash = idHash }, cancellationToken: cancellationToken));
    }

    public async Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM admin_sessions WHERE expires_at <= @Now", new { Now = now }, cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public string IdHash { get; init; } = "";
        public string KeyId { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public string? Origin { get; init; }
    }
}
