using System.Data.Common;

namespace Bot.Storage;

/// <summary>
/// The few things that differ between SQLite and PostgreSQL. Everything else is shared SQL: keep it
/// to the common subset (<c>INSERT … ON CONFLICT</c>, <c>RETURNING</c>, <c>LIMIT</c>) and add a member
/// here only when a statement truly cannot be written once.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>The folder of this database's migration scripts under <c>Migrations/</c>.</summary>
    public abstract string MigrationsFolder { get; }

    /// <summary>The column type of a UTC instant: ISO-8601 text on SQLite, <c>timestamptz</c> on PostgreSQL.</summary>
    public abstract string TimestampType { get; }

    /// <summary>
    /// Whether the database's own clock decides when leases end and deliveries fall due (PostgreSQL: hosts whose clocks
    /// disagree still agree on them), or the caller's instants are stored as given (SQLite, one host). See <see cref="StoreClock"/>.
    /// </summary>
    public abstract bool HasClock { get; }

    /// <summary>
    /// Appended to a <c>SELECT</c> inside a write transaction to hold the selected rows until commit.
    /// Empty on SQLite, where the write transaction already excludes every other writer.
    /// </summary>
    public abstract string ForUpdate { get; }

    /// <summary>
    /// Appended to a claim query so concurrent workers take different rows instead of waiting on each
    /// other. Empty on SQLite (one writer at a time).
    /// </summary>
    public abstract string ForUpdateSkipLocked { get; }

    /// <summary>Begins a transaction that will write; on SQLite it takes the write lock up front.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for this process's turn to write, before <see cref="BeginWriteAsync"/>; dispose the result after the
    /// transaction ends. Only SQLite waits: it has one writer at a time, and its own busy wait polls with growing
    /// sleeps, so the planner and the dispatcher of one host each slept through much of the other's turn.
    /// </summary>
    public virtual ValueTask<IDisposable> EnterWriterAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IDisposable>(NoWriterTurn.Instance);

    /// <summary>Serialises migrators across processes for the rest of <paramref name="transaction"/>.</summary>
    public abstract Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>
    /// True when a write transaction lost a race with another writer (a unique key it checked for was
    /// inserted meanwhile, a deadlock, a serialization failure) and running it again will succeed.
    /// </summary>
    public abstract bool IsRetryableConflict(Exception exception);

    private sealed class NoWriterTurn : IDisposable
    {
        public static NoWriterTurn Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
