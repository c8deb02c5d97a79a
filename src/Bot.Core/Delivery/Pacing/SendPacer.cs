namespace Bot.Core.Delivery.Pacing;

/// <summary>
/// Sliding-window budgets per channel and per target (<see cref="PacingOptions"/>) on an injected clock, for one
/// process. A request holds its place in every window while it is under way and, once its slot is disposed, counts
/// from that moment: a platform counts a request when it arrives, which is after we sent it and before its answer came
/// back, so windows kept on answer times are never ahead of the server's however long a request queued in our process
/// or on the network. Counted at the moment they were granted instead, requests that took longer to arrive than the
/// ones after them put one too many in the server's window under load, and cost 429s.
/// </summary>
public sealed class SendPacer(PacingOptions options, TimeProvider time) : ISendPacer
{
    private const int PruneEvery = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Channel, int Budget, string? Target), PacingWindow> _windows = [];
    private readonly Dictionary<(string Channel, string? Target), DateTimeOffset> _holds = [];
    private int _callsSincePrune;

    public IDisposable? TryEnter(string channel, string target, out DateTimeOffset notBefore)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            notBefore = NextAllowedAtLocked(channel, target, now);
            if (notBefore > now) return null;

            var budgets = BudgetsOf(channel);
            var request = new PacedRequest(Finish, now);
            for (var i = 0; i < budgets.Count; i++)
            {
                var key = (channel, i, budgets[i].Scope == RateScope.Target ? target : null);
                if (!_windows.TryGetValue(key, out var window)) _windows[key] = window = new PacingWindow(budgets[i].Window);
                window.Requests.Enqueue(request);
            }

            if (++_callsSincePrune >= PruneEvery) Prune(now);
            return request;
        }
    }

    public DateTimeOffset NextAllowedAt(string channel, string? target)
    {
        lock (_gate)
        {
            return NextAllowedAtLocked(channel, target, time.GetUtcNow());
        }
    }

    public void Hold(string channel, string? target, DateTimeOffset until)
    {
        lock (_gate)
        {
            var key = (channel, target);
            if (!_holds.TryGetValue(key, out var current) || current < until) _holds[key] = until;
        }
    }

    private DateTimeOffset NextAllowedAtLocked(string channel, string? target, DateTimeOffset now)
    {
        var next = now;
        if (_holds.TryGetValue((channel, null), out var channelHold) && channelHold > next) next = channelHold;
        if (target is not null && _holds.TryGetValue((channel, target), out var targetHold) && targetHold > next) next = targetHold;

        var budgets = BudgetsOf(channel);
        for (var i = 0; i < budgets.Count; i++)
        {
            var scoped = budgets[i].Scope == RateScope.Target;
            if (scoped && target is null) continue;
            if (_windows.TryGetValue((channel, i, scoped ? target : null), out var window))
            {
                var free = window.NextFree(now, budgets[i].Limit);
                if (free > next) next = free;
            }
        }
        return next;
    }

    private List<RateBudget> BudgetsOf(string channel) =>
        options.Channels.TryGetValue(channel, out var budgets) ? budgets : [];

    private void Finish(PacedRequest request)
    {
        lock (_gate)
        {
            if (!request.UnderWay) return;
            request.At = time.GetUtcNow();
            request.UnderWay = false;
        }
    }

    // Targets come and go (one per private chat or mailbox): forget the windows and holds that have passed.
    private void Prune(DateTimeOffset now)
    {
        _callsSincePrune = 0;
        foreach (var (key, window) in _windows.ToList())
        {
            window.Drop(now);
            if (window.Requests.Count == 0) _windows.Remove(key);
        }
        foreach (var (key, until) in _holds.ToList())
        {
            if (until <= now) _holds.Remove(key);
        }
    }

    /// <summary>Windows kept for bookkeeping; for tests of the pruning.</summary>
    internal int TrackedWindows
    {
        get
        {
            lock (_gate) return _windows.Count;
        }
    }
}
