using Bot.Core.Storage;
using Bot.Storage.Migrations;
using Dapper;

namespace Bot.Storage;

public sealed class StoreHealth(IDbConnectionFactory factory, MigrationRunner migrations) : IStoreHealth
{
    public Task MigrateAsync(CancellationToken cancellationToken) =>
        migrations.RunAsync(Migration.LoadEmbedded(factory.Dialect), cancellationToken);

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await factory.OpenAsync(cancellationToken);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken)) == 1;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Unreachable server, refused login, unopenable file: all mean "not healthy", which
            // /healthz reports as 503; only the caller's own cancellation propagates.
            return false;
        }
    }
}
