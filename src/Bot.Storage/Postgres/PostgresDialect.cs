using System.Data.Common;
using Dapper;
using Npgsql;

namespace Bot.Storage.Postgres;

public sealed class PostgresDialect : SqlDialect
{
    /// <summary>Arbitrary but fixed: every bot process must ask for the same advisory lock.</summary>
    private const long MigrationLockKey = 0x626f_745f_6d69_67; // "bot_mig"

    public static PostgresDialect Instance { get; } = new();

    private PostgresDialect()
    {
    }

    public override string MigrationsFolder => "Postgres";

    public override string TimestampType => "timestamptz";

    public override bool HasClock => true;

    public override string ForUpdate => " FOR UPDATE";

    public override string ForUpdateSkipLocked => " FOR UPDATE SKIP LOCKED";

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    public override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@Key)", new { Key = MigrationLockKey }, transaction, cancellationToken: cancellationToken));

    public override bool IsRetryableConflict(Exception exception) =>
        exception is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        };
}
