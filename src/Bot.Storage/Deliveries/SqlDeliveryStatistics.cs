using Bot.Core.Delivery;
using Dapper;

namespace Bot.Storage.Deliveries;

/// <summary>Delivery counts by destination and status, one grouped query over the outbox.</summary>
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
}
