using System.Data.Common;
using Npgsql;

namespace Bot.Storage.Postgres;

/// <summary>Pooled connections from one <see cref="NpgsqlDataSource"/>, disposed with the container.</summary>
public sealed class PostgresConnectionFactory(string connectionString) : IDbConnectionFactory, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    public SqlDialect Dialect => PostgresDialect.Instance;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public void Dispose() => dataSource.Dispose();
}
