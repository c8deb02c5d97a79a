using Dapper;

namespace Bot.Storage.Migrations;

/// <summary>
/// Applies pending migrations in version order, each in its own transaction together with its row in
/// <c>schema_migrations</c>, and refuses to start when an applied script has since been edited.
/// </summary>
/// <remarks>
/// Hand-written on purpose. DbUp's SQLite and PostgreSQL packages fail our warnings-as-errors build
/// with NU1603 and pull Microsoft.Data.Sqlite.Core 9 into a .NET 10 graph; EF Core migrations would
/// need one migration set per provider and the dotnet-ef tool, for a schema we write by hand anyway.
/// What we need fits here: ordered scripts, a checksum, and a lock so that two processes starting at
/// once apply each script exactly once (the SQLite write lock, a PostgreSQL advisory lock).
/// </remarks>
public sealed class MigrationRunner(IDbConnectionFactory factory, TimeProvider time)
{
    /// <summary>Applies what is pending and returns it; an up-to-date database returns nothing.</summary>
    public async Task<IReadOnlyList<Migration>> RunAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var dialect = factory.Dialect;
        var applied = new List<Migration>();
        await using var connection = await factory.OpenAsync(cancellationToken);
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
            await dialect.LockMigrationsAsync(connection, transaction, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version bigint PRIMARY KEY,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at {dialect.TimestampType} NOT NULL
                )
                """,
                transaction: transaction, cancellationToken: cancellationToken));

            // Read under the lock: another process may have applied this very script a moment ago.
            var done = (await connection.QueryAsync<(long Version, string Checksum)>(new CommandDefinition(
                    "SELECT version, checksum FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken)))
                .ToDictionary(row => row.Version, row => row.Checksum);
            foreach (var known in migrations)
            {
                if (done.TryGetValue(known.Version, out var checksum) && checksum != known.Checksum)
                {
                    throw new InvalidOperationException(
                        $"Migration {known.Version:0000}_{known.Name} was changed after it was applied (checksum {checksum} in the database, " +
                        $"{known.Checksum} in this build). Applied migrations are immutable: revert the edit and add a new migration.");
                }
            }

            if (done.ContainsKey(migration.Version))
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@Version, @Name, @Checksum, @AppliedAt)",
                new { migration.Version, migration.Name, migration.Checksum, AppliedAt = time.GetUtcNow() },
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            applied.Add(migration);
        }

        return applied;
    }
}
