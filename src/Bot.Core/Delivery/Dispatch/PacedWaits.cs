using Bot.Core.Delivery.Claiming;

namespace Bot.Core.Delivery.Dispatch;

/// <summary>
/// Deliveries whose budget has no room for a moment, waiting in memory without holding a sender. Each goes back to the
/// senders when its time comes, and those that come due together go oldest first (lowest id). While a channel-wide
/// budget is what they wait for, every one of them comes due at the same moment, when the window has room again: taken
/// oldest first, the chats furthest behind get the room before the others, and all of them finish together instead of
/// a few chats trailing on their own budget after the rest are done.
/// </summary>
internal sealed class PacedWaits(TimeProvider time)
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly PriorityQueue<PreparedDelivery, DateTimeOffset> _waiting = new();
    private readonly DeliverySignal _sooner = new();

    public int Count
    {
        get
        {
            lock (_gate) return _waiting.Count;
        }
    }

    public void Add(PreparedDelivery delivery, DateTimeOffset notBefore)
    {
        bool soonest;
        lock (_gate)
        {
            soonest = !_waiting.TryPeek(out _, out var first) || notBefore < first;
            _waiting.Enqueue(delivery, notBefore);
        }

        if (soonest) _sooner.Notify();
    }

    /// <summary>Hands each delivery to <paramref name="due"/> when its time comes, until <paramref name="stop"/>; then every one still waiting.</summary>
    public async Task RunAsync(Action<PreparedDelivery> due, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var (comeDue, wait) = TakeDue();
                foreach (var delivery in comeDue.OrderBy(d => d.Delivery.Id)) due(delivery);
                if (comeDue.Count == 0) await _sooner.WaitAsync(wait, time, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        List<PreparedDelivery> left;
        lock (_gate)
        {
            left = [.. _waiting.UnorderedItems.Select(i => i.Element)];
            _waiting.Clear();
        }
        foreach (var delivery in left) due(delivery);
    }

    private (List<PreparedDelivery> Due, TimeSpan Wait) TakeDue()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var due = new List<PreparedDelivery>();
            while (_waiting.TryPeek(out var delivery, out var notBefore) && notBefore <= now)
            {
                due.Add(delivery);
                _waiting.Dequeue();
            }

            // A timer rounds to whole milliseconds: a shorter wait would wake before its time and look again at once.
            var wait = _waiting.TryPeek(out _, out var next) ? next - now : Longest;
            return (due, wait < Shortest ? Shortest : wait > Longest ? Longest : wait);
        }
    }
}
