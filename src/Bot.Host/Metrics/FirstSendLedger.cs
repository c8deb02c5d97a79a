namespace Bot.Host.Metrics;

/// <summary>
/// Which article versions this host has seen go out on which channel, so that an email fan-out to thousands of
/// subscribers counts its first send once and the rest not at all, without asking the store. A version is known by
/// its article key and the instant it was taken in (each version has its own), which is also the version a delivery
/// planned for an older one actually sent. Bounded: past <see cref="Capacity"/> entries the oldest are forgotten, so a
/// later send of a forgotten version would count again; that takes <see cref="Capacity"/> newer versions in between.
/// Per host and per process: after a restart, or on another host, the next send of a version counts once more there.
/// </summary>
public sealed class FirstSendLedger(int capacity = FirstSendLedger.DefaultCapacity)
{
    public const int DefaultCapacity = 50_000;

    private readonly Lock _gate = new();
    private readonly HashSet<Entry> _seen = [];
    private readonly Queue<Entry> _order = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "must be positive");

    /// <summary>True the first time this version of <paramref name="articleKey"/> is marked as sent on <paramref name="channel"/>.</summary>
    public bool TryMarkFirst(string articleKey, DateTimeOffset received, string channel)
    {
        var entry = new Entry(articleKey, received.UtcTicks, channel);
        lock (_gate)
        {
            if (!_seen.Add(entry)) return false;
            _order.Enqueue(entry);
            if (_order.Count > Capacity) _seen.Remove(_order.Dequeue());
            return true;
        }
    }

    private readonly record struct Entry(string ArticleKey, long ReceivedTicks, string Channel);
}
