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
    private readonly Dictionary<(string Channel, int Budget, string? Target), Window> _windows = [];
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
            var request = new PacedRequest(this, now);
            for (var i = 0; i < budgets.Count; i++)
            {
                var key = (channel, i, budgets[i].Scope == RateScope.Target ? target : null);
                if (!_windows.TryGetValue(key, out var window)) _windows[key] = window = new Window(budgets[i]);
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
                var free = window.NextFree(now);
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

    private sealed class PacedRequest(SendPacer pacer, DateTimeOffset at) : IDisposable
    {
        public DateTimeOffset At { get; set; } = at;

        public bool UnderWay { get; set; } = true;

        public void Dispose() => pacer.Finish(this);
    }

    /// <summary>The requests of one budget in the order they were granted.</summary>
    private sealed class Window(RateBudget budget)
    {
        // A window that found itself full knows the earliest moment it can have room again; until then it says so
        // without looking at its requests, which a saturated channel would otherwise sort on every ask.
        private DateTimeOffset _fullUntil;

        public Queue<PacedRequest> Requests { get; } = new();

        public DateTimeOffset NextFree(DateTimeOffset now)
        {
            if (_fullUntil > now) return _fullUntil;
            Drop(now);
            var limit = Math.Max(budget.Limit, 1);
            if (Requests.Count < limit) return now;

            // A finished request leaves a window after its answer; one under way, a window after an answer still to
            // come, so no sooner than a window from now. There is room once enough of them have left.
            var leaving = Requests.Select(r => r.UnderWay ? now + budget.Window : r.At + budget.Window).Order().ElementAt(Requests.Count - limit);
            _fullUntil = leaving;
            return leaving;
        }

        // Requests leave in the order they were granted; one still under way keeps those behind it, which only
        // makes the count err on the side of caution for the few milliseconds it takes.
        public void Drop(DateTimeOffset now)
        {
            while (Requests.TryPeek(out var first) && !first.UnderWay && first.At + budget.Window <= now)
            {
                Requests.Dequeue();
            }
        }
    }
}
