using Bot.Core.Delivery;
using Dapper;

namespace Bot.Storage.Deliveries;

/// <summary>Delivery counts by destination and status, and the oldest due delivery per channel: one grouped query each.</summary>
public sealed class SqlDeliveryStatistics(IDbConnectionFactory factory) : IDeliveryStatistics
{
    public async Task<IReadOnlyList<DeliveryCount>> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Destination, string Status, long Count)>(new CommandDefinition(
            "SELECT destination, status, COUNT(*) FROM deliveries GROUP BY destination, status ORDER BY destination, status",
            cancellationToken: cancellationToken));
        return rows
            .Select(r => Enum.TryParse<DeliveryStatus>(r.Status, ignoreCase: true, out var status) ? new DeliveryCount(r.Destination, status, r.Count) : null)
            .OfType<DeliveryCount>()
            .ToList();
    }

    // The (status, next_attempt_at) index bounds the scan to the due rows. Due times are on the store's clock, read
    // back on the caller's (StoreClock).
    public async Task<IReadOnlyList<OldestDue>> OldestDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var clock = new StoreClock(factory.Dialect, now);
        var parameters = new DynamicParameters();
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OldestDueRow>(new CommandDefinition(
            $"""
            SELECT t.channel AS Channel, {clock.Read(parameters, "MIN(d.next_attempt_at)")} AS DueAt
            FROM deliveries d JOIN destinations t ON t.name = d.destination
            WHERE d.status IN ('queued', 'failed') AND d.next_attempt_at <= {clock.Now(parameters)} AND NOT t.paused AND NOT t.disabled
            GROUP BY t.channel
            ORDER BY t.channel
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new OldestDue(r.Channel, r.DueAt))];
    }

    private sealed class OldestDueRow
    {
        public string Channel { get; init; } = "";
        public DateTimeOffset DueAt { get; init; }
    }
}
