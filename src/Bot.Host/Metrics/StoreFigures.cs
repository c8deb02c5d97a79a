using Bot.Core.Delivery;

namespace Bot.Host.Metrics;

/// <summary>What <c>/metrics</c> reads from the store: the destinations, the outbox counts and the oldest due delivery per channel.</summary>
/// <param name="Read">When they were read, by the host's clock; the oldest due delivery's age is measured from here.</param>
public sealed record StoreFigures(
    IReadOnlyList<DestinationState> Destinations,
    IReadOnlyList<DeliveryCount> Counts,
    IReadOnlyList<OldestDue> OldestDue,
    DateTimeOffset Read);
