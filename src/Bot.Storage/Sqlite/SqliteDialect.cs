using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

public sealed class SqliteDialect : SqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    private SqliteDialect()
    {
    }

    public override string MigrationsFolder => "Sqlite";

    public override string TimestampType => "TEXT";

    public override bool HasClock => false;

    public override string ForUpdate => "";

    public override string ForUpdateSkipLocked => "";

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: a deferred transaction that reads first and writes later cannot upgrade its
        // lock while another process writes, and fails with SQLITE_BUSY at once instead of waiting.
        // Taking the write lock up front makes the busy timeout apply and serialises writers cleanly.
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
        return Task.FromResult(transaction);
    }

    // DataSource of an open connection is the file's full path, so every connection string naming one file
    // shares its turns; an in-memory database has none and takes no turns.
    public override ValueTask<IDisposable> EnterWriterAsync(DbConnection connection, CancellationToken cancellationToken) =>
        SqliteWriterTurns.EnterAsync(connection.DataSource, cancellationToken);

    public override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override bool IsRetryableConflict(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED
}
