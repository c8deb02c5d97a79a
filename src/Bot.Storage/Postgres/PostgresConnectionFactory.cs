using System.Data.Common;
using Npgsql;

namespace Bot.Storage.Postgres;

/// <summary>Pooled connections from one <see cref="NpgsqlDataSource"/>, disposed with the container.</summary>
public sealed class PostgresConnectionFactory(string connectionString) : IDbConnectionFactory, IAsyncDisposable, IDisposable
{
    /// <summary>Seconds between keepalive queries on a dedicated connection.</summary>
    private const int DedicatedKeepalive = 5;

    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    public SqlDialect Dialect => PostgresDialect.Instance;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// A connection of its own for a long-lived session (LISTEN): not pooled, because a pooled connection's session
    /// state outlives its Close until the pool reuses it; and pinged every few seconds, so a connection the network
    /// dropped fails within seconds instead of waiting silently forever, and the server's idle_session_timeout never
    /// ends it.
    /// </summary>
    public async Task<NpgsqlConnection> OpenDedicatedAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            KeepAlive = DedicatedKeepalive,
            TcpKeepAlive = true,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public void Dispose() => dataSource.Dispose();
}
