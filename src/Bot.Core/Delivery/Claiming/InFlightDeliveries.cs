using System.Collections.Concurrent;

namespace Bot.Core.Delivery.Claiming;

/// <summary>The deliveries this host has claimed and not yet recorded: what it renews leases for, and how full its pipeline is.</summary>
public sealed class InFlightDeliveries
{
    private readonly ConcurrentDictionary<long, byte> _ids = new();

    public int Count => _ids.Count;

    public void Add(IEnumerable<ClaimedDelivery> claimed)
    {
        foreach (var delivery in claimed) _ids.TryAdd(delivery.Id, 0);
    }

    public void Remove(IEnumerable<long> ids)
    {
        foreach (var id in ids) _ids.TryRemove(id, out _);
    }

    public IReadOnlyCollection<long> Snapshot() => [.. _ids.Keys];
}
