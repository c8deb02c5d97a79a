using Bot.Core.Delivery;
using Bot.Core.Delivery.Store;
using Dapper;

namespace Bot.Storage.Deliveries;

/// <summary>Destinations' stored state on SQLite or PostgreSQL.</summary>
public sealed class SqlDestinationStore(IDbConnectionFactory factory, TimeProvider time) : IDestinationStore
{
    public async Task SyncAsync(IReadOnlyList<Destination> destinations, CancellationToken cancellationToken)
    {
        if (destinations.Count == 0) return;
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var writer = await factory.Dialect.EnterWriterAsync(connection, cancellationToken);
        await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO destinations (name, channel, address, configured_address, updated_at) VALUES (@Name, @Channel, @Address, @Address, @Now)
            ON CONFLICT (name) DO UPDATE SET
                channel = excluded.channel,
                address = CASE WHEN destinations.configured_address = excluded.configured_address THEN destinations.address ELSE excluded.address END,
                configured_address = excluded.configured_address,
                updated_at = excluded.updated_at
            """,
            destinations.Select(d => new { d.Name, d.Channel, d.Address, Now = time.GetUtcNow() }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DestinationState>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, string Channel, string Address, long Paused, long Disabled, string? Reason)>(new CommandDefinition(
            """
            SELECT name, channel, address, CASE WHEN paused THEN 1 ELSE 0 END, CASE WHEN disabled THEN 1 ELSE 0 END, disabled_reason
            FROM destinations ORDER BY name
            """,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new DestinationState(r.Name, r.Channel, r.Address, r.Paused != 0, r.Disabled != 0, r.Reason))];
    }

    public async Task<bool> SetPausedAsync(string destination, bool paused, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var writer = await factory.Dialect.EnterWriterAsync(connection, cancellationToken);
        await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
        var found = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE destinations SET paused = @Paused, updated_at = @Now WHERE name = @Name",
            new { Name = destination, Paused = paused, Now = now }, transaction, cancellationToken: cancellationToken));
        if (found == 0) return false;
        await connection.ExecuteAsync(new CommandDefinition(
            paused
                ? "UPDATE deliveries SET status = 'held', updated_at = @Now WHERE destination = @Name AND status IN ('queued', 'failed')"
                : "UPDATE deliveries SET status = 'queued', updated_at = @Now WHERE destination = @Name AND status = 'held'",
            new { Name = destination, Now = now }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> SetDisabledAsync(string destination, string? reason, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE destinations SET disabled = @Disabled, disabled_reason = @Reason, updated_at = @Now WHERE name = @Name",
            new { Name = destination, Disabled = reason is not null, Reason = reason, Now = time.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task SetAddressAsync(string destination, string address, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE destinations SET address = @Address, updated_at = @Now WHERE name = @Name",
            new { Name = destination, Address = address, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }
}
