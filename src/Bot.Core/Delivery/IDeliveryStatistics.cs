namespace Bot.Core.Delivery;

/// <summary>How many deliveries each destination has in each state, and how late each channel is, for <c>GET /metrics</c>.</summary>
public interface IDeliveryStatistics
{
    /// <summary>One row per destination and status that has any deliveries.</summary>
    Task<IReadOnlyList<DeliveryCount>> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Per channel, when the longest-waiting delivery that is due at <paramref name="now"/> became due: queued or failed
    /// with its attempt time reached, to a destination that is neither paused nor disabled. Channels with none are left out.
    /// </summary>
    Task<IReadOnlyList<OldestDue>> OldestDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <param name="Destination">The destination's name as stored.</param>
public sealed record DeliveryCount(string Destination, DeliveryStatus Status, long Count);
