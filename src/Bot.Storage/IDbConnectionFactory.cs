using System.Data.Common;

namespace Bot.Storage;

/// <summary>
/// Opens ready-to-use connections to the configured database. Every store shares it, so per-connection
/// settings (SQLite's busy timeout and foreign keys) are applied in one place.
/// </summary>
public interface IDbConnectionFactory
{
    /// <summary>The statements that differ for this database.</summary>
    SqlDialect Dialect { get; }

    /// <summary>An open connection; the caller disposes it.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
