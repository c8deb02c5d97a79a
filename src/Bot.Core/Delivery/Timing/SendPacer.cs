namespace Bot.Core.Delivery.Timing;

/// <summary>
/// Answers "may this send go now, and if not, when?" for a channel and target, from sliding-window budgets on an
/// injected clock. A send is counted only when it is allowed, so a target that must wait never delays others,
/// and the dispatcher can park a delivery until <see cref="PaceDecision.NextAllowedAt"/> instead of sleeping.
/// </summary>
public sealed class SendPacer(PacingOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Channel, string? Target, int Budget), Queue<DateTimeOffset>> _logs = [];
    private readonly Dictionary<(string Channel, string? Target), DateTimeOffset> _holds = [];
    private int _callsSincePrune;

    /// <summary>When a send to <paramref name="target"/> on <paramref name="channel"/> may go, without counting one.</summary>
    public DateTimeOffset NextAllowedAt(string channel, string target)
    {
        lock (_gate)
        {
            return NextAllowedAtLocked(channel, target, time.GetUtcNow());
        }
    }

    /// <summary>Counts a send now if every budget allows it; otherwise counts nothing and says when to come back.</summary>
    public PaceDecision TryAcquire(string channel, string target)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var next = NextAllowedAtLocked(channel, target, now);
            if (next > now)
            {
                return new PaceDecision(false, next);
            }

            var budgets = BudgetsOf(channel);
            for (var i = 0; i < budgets.Count; i++)
            {
                var key = (channel, budgets[i].Scope == RateScope.Target ? target : null, i);
                if (!_logs.TryGetValue(key, out var log))
                {
                    _logs[key] = log = new Queue<DateTimeOffset>();
                }
                log.Enqueue(now);
                while (log.Count > budgets[i].Limit) log.Dequeue();
            }

            if (++_callsSincePrune >= 1024) Prune(now);
            return new PaceDecision(true, now);
        }
    }

    /// <summary>
    /// Nothing goes to <paramref name="target"/> (or, when null, anywhere on <paramref name="channel"/>) before
    /// <paramref name="until"/>: what a platform's 429 asks for. An earlier hold never shortens a later one.
    /// </summary>
    public void Hold(string channel, string? target, DateTimeOffset until)
    {
        lock (_gate)
        {
            var key = (channel, target);
            if (!_holds.TryGetValue(key, out var current) || current < until)
            {
                _holds[key] = until;
            }
        }
    }

    private DateTimeOffset NextAllowedAtLocked(string channel, string target, DateTimeOffset now)
    {
        var next = now;
        if (_holds.TryGetValue((channel, null), out var channelHold) && channelHold > next) next = channelHold;
        if (_holds.TryGetValue((channel, target), out var targetHold) && targetHold > next) next = targetHold;

        var budgets = BudgetsOf(channel);
        for (var i = 0; i < budgets.Count; i++)
        {
            var key = (channel, budgets[i].Scope == RateScope.Target ? target : null, i);
            // The log holds at most Limit entries, oldest first: a new send fits once the oldest leaves the window.
            if (_logs.TryGetValue(key, out var log) && log.Count >= budgets[i].Limit)
            {
                var free = log.Peek() + budgets[i].Window;
                if (free > next) next = free;
            }
        }
        return next;
    }

    private IReadOnlyList<RateBudget> BudgetsOf(string channel) =>
        options.Channels.TryGetValue(channel, out var budgets) ? budgets : [];

    // Targets come and go (one per email recipient in the worst case): forget those whose windows have passed.
    private void Prune(DateTimeOffset now)
    {
        _callsSincePrune = 0;
        foreach (var (key, log) in _logs.ToList())
        {
            var window = BudgetsOf(key.Channel) is { } budgets && key.Budget < budgets.Count ? budgets[key.Budget].Window : TimeSpan.Zero;
            if (log.Count == 0 || log.Last() + window <= now) _logs.Remove(key);
        }
        foreach (var (key, until) in _holds.ToList())
        {
            if (until <= now) _holds.Remove(key);
        }
    }

    /// <summary>Entries kept for bookkeeping; for tests of the pruning.</summary>
    internal int TrackedLogs
    {
        get
        {
            lock (_gate) return _logs.Count;
        }
    }
}
