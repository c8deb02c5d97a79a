namespace Bot.Core.Delivery.Pacing;

/// <summary>
/// The requests of one budget in one <see cref="Length"/>, in the order they were granted, under a limit the caller
/// gives at each ask (a shared budget's share changes). A request under way counts until a window after its answer,
/// one finished from its answer: a platform counts a request when it arrives, which is before its answer came back.
/// </summary>
internal sealed class PacingWindow(TimeSpan length)
{
    // A window that found itself full knows the earliest moment it can have room again for that limit; until then it
    // says so without looking at its requests, which a saturated channel would otherwise sort on every ask.
    private DateTimeOffset _fullUntil;
    private int _fullLimit;

    public TimeSpan Length => length;

    public Queue<PacedRequest> Requests { get; } = new();

    public DateTimeOffset NextFree(DateTimeOffset now, int limit)
    {
        if (_fullUntil > now && limit == _fullLimit) return _fullUntil;
        Drop(now);
        limit = Math.Max(limit, 1);
        if (Requests.Count < limit) return now;

        // There is room once enough requests have left.
        var leaving = Requests.Select(r => r.UnderWay ? now + length : r.At + length).Order().ElementAt(Requests.Count - limit);
        _fullUntil = leaving;
        _fullLimit = limit;
        return leaving;
    }

    /// <summary>The requests that still count now, those under way included.</summary>
    public int Count(DateTimeOffset now)
    {
        Drop(now);
        return Requests.Count;
    }

    /// <summary>How long ago each request that still counts was made (zero for one under way), newest first.</summary>
    public IReadOnlyList<TimeSpan> Ages(DateTimeOffset now)
    {
        Drop(now);
        return [.. Requests.Select(r => r.UnderWay ? TimeSpan.Zero : now - r.At).Order()];
    }

    /// <summary>Adds requests made elsewhere, oldest first, before any of this host's own.</summary>
    public void Seed(IEnumerable<DateTimeOffset> madeAt)
    {
        foreach (var at in madeAt.Order()) Requests.Enqueue(PacedRequest.Finished(at));
        _fullUntil = default;
    }

    // Requests leave in the order they were granted; one still under way keeps those behind it, which only
    // makes the count err on the side of caution for the few milliseconds it takes.
    public void Drop(DateTimeOffset now)
    {
        while (Requests.TryPeek(out var first) && !first.UnderWay && first.At + length <= now)
        {
            Requests.Dequeue();
        }
    }
}
