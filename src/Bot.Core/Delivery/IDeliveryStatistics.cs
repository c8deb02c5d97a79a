namespace Bot.Core.Delivery;

/// <summary>How many deliveries each destination has in each state, for <c>GET /metrics</c>.</summary>
public interface IDeliveryStatistics
{
    /// <summary>One row per destination and status that has any deliveries.</summary>
    Task<IReadOnlyList<DeliveryCount>> CountAsync(CancellationToken cancellationToken);
}

/// <param name="Destination">The destination's name as stored.</param>
public sealed record DeliveryCount(string Destination, DeliveryStatus Status, long Count);
