using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bot.Storage.Sqlite;

/// <summary>
/// Connections to one SQLite file shared by the running host and CLI commands: the folder and file are
/// created on first use, the file is switched to WAL once, and every connection waits for a busy lock
/// instead of failing.
/// </summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    /// <summary>How long a connection waits for another process's write lock before SQLITE_BUSY.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Each connection's page cache, in KiB (SQLite's default is 2,000).</summary>
    private const int CacheKiB = 256;

    private readonly string connectionString;
    private volatile bool folderMade;
    private volatile bool walSet;

    public SqliteConnectionFactory(string connectionString)
    {
        // Foreign Keys=True makes Microsoft.Data.Sqlite run PRAGMA foreign_keys on every open.
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };
        this.connectionString = builder.ToString();
        DataSource = builder.DataSource;
        IsFile = builder.Mode is not SqliteOpenMode.Memory
            && !string.IsNullOrEmpty(DataSource)
            && DataSource != ":memory:";
    }

    /// <summary>The file name from the connection string.</summary>
    public string DataSource { get; }

    private bool IsFile { get; }

    public SqlDialect Dialect => SqliteDialect.Instance;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (IsFile && !folderMade)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(DataSource));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            folderMade = true;
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // synchronous = NORMAL in WAL mode skips the fsync on each commit and syncs at checkpoints instead.
            // A commit is in the WAL file before the call returns, so a process that crashes or is killed loses
            // nothing; only a power cut or kernel crash can roll back the last few commits, and then the outbox
            // sends those deliveries again rather than losing them. With FULL, every claim and every batch of
            // outcomes waited for the disk.
            // temp_store = MEMORY: SQLite's temporary files, which claims and batches of outcomes created and unlinked
            // in /var/tmp several times a second while a list was sent, stay in memory.
            // cache_size: a connection's page cache starts over whenever another connection has written, which in a
            // sending host is every few milliseconds, so the default 2 MiB per pooled connection bought memory, not reads.
            await connection.ExecuteAsync(new CommandDefinition(
                $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -{CacheKiB};{(IsFile ? " PRAGMA synchronous = NORMAL;" : "")}",
                cancellationToken: cancellationToken));

            // journal_mode is stored in the file, so once per factory is enough (a failed attempt, say
            // SQLITE_BUSY, is retried on the next open); WAL lets the host keep reading while a CLI
            // command writes.
            if (IsFile && !walSet)
            {
                await connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
                walSet = true;
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
