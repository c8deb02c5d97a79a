using Bot.Core.Delivery.Dispatch;

namespace Bot.Core.Delivery.Pacing;

/// <summary>
/// The send budgets (<see cref="PacingOptions"/>) of several hosts on one store, held so that they hold for the sum of
/// all hosts while every send is decided here, in memory, without a round trip. A channel-wide budget (Telegram's 30 a
/// second) is split into shares (<see cref="BudgetShares"/>): this host paces itself with the budget's window and its
/// share as the limit. A target's own budgets (a chat's 1 a second and 20 a minute) belong to one host at a time,
/// which receives the target's recent requests from the previous holder. Holds from a platform's 429 go to every host.
/// <see cref="PacingAgent"/> exchanges all of it with the <see cref="IPacingStore"/> a few times a second, one round trip
/// for everything, and only while this host sends: a send that finds no share or target yet waits a moment and asks
/// again, and what a host that dies held runs out on the store's clock.
/// </summary>
public sealed class SharedSendPacer(PacingOptions options, TimeProvider time, SharedPacingTimings? timings = null) : ISendPacer
{
    private readonly SharedPacingTimings _timings = timings ?? new SharedPacingTimings();
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Channel, int Budget), Share> _shares = [];
    private readonly Dictionary<(string Channel, string Target), TargetBudgets> _targets = [];
    private readonly Dictionary<(string Channel, string? Target), DateTimeOffset> _holds = [];
    private readonly List<HoldNotice> _holdsToShare = [];

    /// <summary>Set when a send needs a share or target this host does not hold, or a hold should reach the others.</summary>
    public DeliverySignal ExchangeNeeded { get; } = new();

    public SharedPacingTimings Timings => _timings;

    public IDisposable? TryEnter(string channel, string target, out DateTimeOffset notBefore)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            notBefore = NextAllowedLocked(channel, target, now, entering: true);
            if (notBefore > now) return null;

            var budgets = BudgetsOf(channel);
            var targetBudgets = budgets.Any(b => b.Scope == RateScope.Target) ? _targets[(channel, target)] : null;
            var request = new PacedRequest(r => Finish(r, targetBudgets), now);
            for (var i = 0; i < budgets.Count; i++)
            {
                var window = budgets[i].Scope == RateScope.Channel ? _shares[(channel, i)].Window : targetBudgets!.Windows[i]!;
                window.Requests.Enqueue(request);
            }

            if (targetBudgets is not null) targetBudgets.LastUsed = now;
            return request;
        }
    }

    public DateTimeOffset NextAllowedAt(string channel, string? target)
    {
        lock (_gate)
        {
            return NextAllowedLocked(channel, target, time.GetUtcNow(), entering: false);
        }
    }

    public void Hold(string channel, string? target, DateTimeOffset until)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            HoldLocked(channel, target, until);
            if (until > now) _holdsToShare.Add(new HoldNotice(channel, target, until - now));
        }

        ExchangeNeeded.Notify();
    }

    /// <summary>What the next exchange reports and asks for; null when this host holds and wants nothing.</summary>
    public PacingRequest? PrepareExchange(string owner) => Prepare(owner, givingUp: false);

    /// <summary>The last exchange of a host that stops: every share and target given back.</summary>
    public PacingRequest? PrepareGiveBack(string owner) => Prepare(owner, givingUp: true);

    /// <summary>Takes the store's answer to <paramref name="request"/>, sent at monotonic timestamp <paramref name="sent"/>.</summary>
    public void Apply(PacingRequest request, PacingExchange answer, long sent)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(answer);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var grants = answer.Shares.ToDictionary(g => g.Budget, StringComparer.Ordinal);
            foreach (var ((channel, index), share) in _shares)
            {
                if (!grants.TryGetValue(Key(channel, index), out var grant)) continue;
                share.Granted = Math.Min(grant.Share, grant.Fair);
                share.TrustedUntil = sent + Ticks(_timings.ShareTrust);
                share.Reported = grant.Share > 0 || request.Shares.Any(s => s.Budget == grant.Budget && s.Used > 0);
            }

            var asked = request.Targets.ToDictionary(t => (t.Channel, t.Target));
            foreach (var grant in answer.Targets)
            {
                if (!asked.TryGetValue((grant.Channel, grant.Target), out var ask)) continue;
                ApplyTarget(ask, grant, sent, now);
            }

            foreach (var hold in answer.Holds) HoldLocked(hold.Channel, hold.Target, now + hold.Remaining);
        }
    }

    /// <summary>An exchange failed: holds not yet passed on go with the next one; nothing else changes, so what this host holds runs out on its own.</summary>
    public void ExchangeFailed(PacingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate) _holdsToShare.InsertRange(0, request.Holds);
    }

    /// <summary>The key of a channel-wide budget in the store: <c>telegram#0</c>.</summary>
    public static string Key(string channel, int index) => $"{channel}#{index}";

    private PacingRequest? Prepare(string owner, bool givingUp)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var stamp = time.GetTimestamp();
            var shares = new List<ShareAsk>();
            foreach (var ((channel, index), share) in _shares)
            {
                var budget = BudgetsOf(channel)[index];
                var wanted = !givingUp && now - share.WantedAt < _timings.DemandWindow;
                var holding = givingUp ? 0 : share.Limit(stamp);
                var used = share.Window.Count(now);
                if (!wanted && holding == 0 && used == 0 && !share.Reported) continue;
                if (givingUp) share.Granted = 0;
                var demand = wanted ? Math.Max(share.Demand(now - _timings.DemandWindow), used) : 0;
                shares.Add(new ShareAsk(Key(channel, index), budget.Limit, budget.Window, wanted, holding, used, demand));
            }

            var targets = new List<TargetAsk>();
            foreach (var ((channel, target), budgets) in _targets.ToList())
            {
                if (budgets.Releasing || budgets.IsHeld(stamp))
                {
                    var idle = budgets.UnderWay == 0 && now - Max(budgets.LastUsed, budgets.KeepUntil) >= _timings.TargetIdle;
                    if (budgets.Releasing || idle || givingUp)
                    {
                        // Not used from now on: the store may hand it to another host before the answer is back.
                        budgets.Releasing = true;
                        targets.Add(new TargetAsk(channel, target, TargetAction.Release, History(budgets, now)));
                    }
                    else
                    {
                        targets.Add(new TargetAsk(channel, target, TargetAction.Renew, History(budgets, now)));
                    }
                }
                else if (!givingUp && now - budgets.WantedAt < _timings.DemandWindow)
                {
                    if (budgets.RetryAt <= now) targets.Add(new TargetAsk(channel, target, TargetAction.Acquire, ""));
                }
                else if (budgets.UnderWay == 0)
                {
                    _targets.Remove((channel, target));
                }
            }

            foreach (var (key, until) in _holds.ToList())
            {
                if (until <= now) _holds.Remove(key);
            }

            var holds = _holdsToShare.ToList();
            _holdsToShare.Clear();
            if (shares.Count == 0 && targets.Count == 0 && holds.Count == 0) return null;
            return new PacingRequest(owner, shares, targets, holds, _timings.ShareLease, _timings.TargetLease, _timings.Margin);
        }
    }

    private void ApplyTarget(TargetAsk ask, TargetGrant grant, long sent, DateTimeOffset now)
    {
        var key = (ask.Channel, ask.Target);
        if (!_targets.TryGetValue(key, out var budgets)) return;
        switch (ask.Action)
        {
            case TargetAction.Release:
                // Asked for again while it went back: a fresh start, with the history the store now has.
                _targets[key] = new TargetBudgets(BudgetsOf(ask.Channel)) { WantedAt = budgets.WantedAt };
                break;
            case TargetAction.Acquire when grant.Held:
                budgets.Seed(BudgetsOf(ask.Channel), TargetHistory.Read(grant.History, BudgetsOf(ask.Channel).Count, grant.HistoryAge), now);
                budgets.TrustedUntil = sent + Ticks(_timings.TargetTrust);
                budgets.RetryAt = default;
                // The send that asked for it comes back for it; given back before that, it would be asked for again.
                budgets.KeepUntil = Max(budgets.KeepUntil, now);
                break;
            case TargetAction.Acquire:
                // Another host sends to it; it gives it back once idle.
                budgets.RetryAt = now + _timings.Period;
                break;
            case TargetAction.Renew:
                budgets.TrustedUntil = grant.Held ? sent + Ticks(_timings.TargetTrust) : 0;
                break;
        }
    }

    private DateTimeOffset NextAllowedLocked(string channel, string? target, DateTimeOffset now, bool entering)
    {
        var next = now;
        if (_holds.TryGetValue((channel, null), out var channelHold) && channelHold > next) next = channelHold;
        if (target is not null && _holds.TryGetValue((channel, target), out var targetHold) && targetHold > next) next = targetHold;

        var stamp = time.GetTimestamp();
        var budgets = BudgetsOf(channel);
        TargetBudgets? targetBudgets = null;
        var targetHeld = true;
        for (var i = 0; i < budgets.Count; i++)
        {
            var budget = budgets[i];
            if (budget.Scope == RateScope.Channel)
            {
                if (!_shares.TryGetValue((channel, i), out var share)) _shares[(channel, i)] = share = new Share(budget.Window);
                if (entering)
                {
                    share.WantedAt = now;
                    if (target is not null) share.Askers[target] = now;
                }

                var limit = share.Limit(stamp);
                if (limit == 0)
                {
                    // Until the agent has a share for this host: a claim may go ahead, a send waits for the exchange.
                    if (entering) next = Max(next, now + _timings.AskWait);
                    continue;
                }

                next = Max(next, share.Window.NextFree(now, limit));
                continue;
            }

            if (target is null) continue;
            if (targetBudgets is null)
            {
                if (!_targets.TryGetValue((channel, target), out targetBudgets))
                {
                    if (!entering) continue;
                    _targets[(channel, target)] = targetBudgets = new TargetBudgets(budgets);
                }

                targetHeld = targetBudgets.IsHeld(stamp);
                if (!targetHeld)
                {
                    if (entering) targetBudgets.WantedAt = now;
                    next = Max(next, targetBudgets.RetryAt > now ? targetBudgets.RetryAt : entering ? now + _timings.AskWait : now);
                }
            }

            if (targetHeld) next = Max(next, targetBudgets.Windows[i]!.NextFree(now, budget.Limit));
        }

        // A send told to come back later still wants the target: it stays here until then instead of going back to the
        // store after TargetIdle and being asked for again, which would cost the send another exchange.
        if (entering && targetHeld && targetBudgets is not null && next > now) targetBudgets.KeepUntil = Max(targetBudgets.KeepUntil, next);

        if (entering && next > now) ExchangeNeeded.Notify();
        return next;
    }

    private void HoldLocked(string channel, string? target, DateTimeOffset until)
    {
        var key = (channel, target);
        if (!_holds.TryGetValue(key, out var current) || current < until) _holds[key] = until;
    }

    private void Finish(PacedRequest request, TargetBudgets? target)
    {
        lock (_gate)
        {
            if (!request.UnderWay) return;
            request.At = time.GetUtcNow();
            request.UnderWay = false;
            if (target is not null) target.LastUsed = request.At;
        }
    }

    private static string History(TargetBudgets budgets, DateTimeOffset now) =>
        TargetHistory.Write(budgets.Windows.Select(w => w?.Ages(now) ?? []));

    private List<RateBudget> BudgetsOf(string channel) =>
        options.Channels.TryGetValue(channel, out var budgets) ? budgets : [];

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>This host's share of one channel-wide budget.</summary>
    private sealed class Share(TimeSpan window)
    {
        public PacingWindow Window { get; } = new(window);

        /// <summary>What the store granted, lowered at once to the fair part when others want theirs.</summary>
        public int Granted { get; set; }

        /// <summary>Monotonic timestamp after which the share is not used until an exchange goes through again.</summary>
        public long TrustedUntil { get; set; }

        public DateTimeOffset WantedAt { get; set; } = DateTimeOffset.MinValue;

        /// <summary>When each target last asked for room under this budget.</summary>
        public Dictionary<string, DateTimeOffset> Askers { get; } = [];

        /// <summary>The store has rows of this host for the budget, which the next exchange must update.</summary>
        public bool Reported { get; set; }

        public int Limit(long now) => TrustedUntil > now ? Granted : 0;

        /// <summary>How many targets asked since <paramref name="since"/>; forgets the others.</summary>
        public int Demand(DateTimeOffset since)
        {
            foreach (var (target, at) in Askers)
            {
                if (at < since) Askers.Remove(target);
            }
            return Askers.Count;
        }
    }

    /// <summary>One target's own budgets while this host holds, wants or has just given back the target.</summary>
    private sealed class TargetBudgets(List<RateBudget> budgets)
    {
        /// <summary>One window per budget of the channel; null at a channel-wide budget's index.</summary>
        public PacingWindow?[] Windows { get; } = [.. budgets.Select(b => b.Scope == RateScope.Target ? new PacingWindow(b.Window) : null)];

        public long TrustedUntil { get; set; }

        public bool Releasing { get; set; }

        public DateTimeOffset WantedAt { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset LastUsed { get; set; } = DateTimeOffset.MinValue;

        /// <summary>When the last send told to wait for this target comes back: until then it is not idle.</summary>
        public DateTimeOffset KeepUntil { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset RetryAt { get; set; }

        public int UnderWay => Windows.OfType<PacingWindow>().Select(w => w.Requests.Count(r => r.UnderWay)).DefaultIfEmpty().Max();

        public bool IsHeld(long now) => !Releasing && TrustedUntil > now;

        /// <summary>Starts over from another host's requests, keeping this host's own that are still under way.</summary>
        public void Seed(List<RateBudget> channelBudgets, IReadOnlyList<IReadOnlyList<TimeSpan>> ages, DateTimeOffset now)
        {
            for (var i = 0; i < Windows.Length; i++)
            {
                if (Windows[i] is not { } old) continue;
                var fresh = new PacingWindow(channelBudgets[i].Window);
                fresh.Seed(ages[i].Select(age => now - age));
                foreach (var mine in old.Requests.Where(r => r.UnderWay)) fresh.Requests.Enqueue(mine);
                Windows[i] = fresh;
            }
        }
    }
}
