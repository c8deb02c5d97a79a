using Bot.Core.Delivery;

namespace Bot.Host.Http.Admin;

/// <summary>Deliveries in each state; every state is present, zeros included, so the JSON shape never changes.</summary>
public sealed record AdminDeliveryCounts(long Queued, long Sending, long Sent, long Failed, long Dead, long Cancelled, long Held)
{
    public static AdminDeliveryCounts Of(IEnumerable<DeliveryCount> counts)
    {
        var by = counts.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        long Get(DeliveryStatus status) => by.GetValueOrDefault(status);
        return new(
            Get(DeliveryStatus.Queued), Get(DeliveryStatus.Sending), Get(DeliveryStatus.Sent), Get(DeliveryStatus.Failed),
            Get(DeliveryStatus.Dead), Get(DeliveryStatus.Cancelled), Get(DeliveryStatus.Held));
    }
}
