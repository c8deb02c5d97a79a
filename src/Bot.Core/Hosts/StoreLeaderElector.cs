using Bot.Core.Delivery.Claiming;
using Bot.Core.Delivery.Dispatch;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Hosts;

/// <summary>
/// Singletons elected through lease rows on the store's clock (<see cref="ISingletonStore"/>). Every
/// <see cref="ElectionOptions.RenewEvery"/> one statement renews what this host holds and takes what it wants and has
/// become free. The holder trusts a lease for <see cref="ElectionOptions.TrustFor"/> from the moment it sent the last
/// renewal that went through, measured on its own monotonic clock, and revokes it locally after that: the database's
/// lease runs longer, so a host cut off from the database has stopped its work before another host may start it.
/// Each change of holder raises the term, which fences the singleton's writes.
/// </summary>
public sealed partial class StoreLeaderElector(
    ISingletonStore store,
    LeaseOwner owner,
    ElectionOptions options,
    TimeProvider time,
    ILogger<StoreLeaderElector> logger,
    IHostSignals? signals = null) : ILeaderElector
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Candidate> _candidates = new(StringComparer.Ordinal);
    private readonly HashSet<string> _toRelease = new(StringComparer.Ordinal);
    private readonly DeliverySignal _wake = new();
    private int _failures;

    public IReadOnlyCollection<string> Held
    {
        get
        {
            lock (_gate) return [.. _candidates.Where(c => c.Value.Current is not null).Select(c => c.Key).Order(StringComparer.Ordinal)];
        }
    }

    public event Action? Changed;

    public async Task<SingletonLease> AcquireAsync(string singleton, CancellationToken cancellationToken)
    {
        Task<SingletonLease> waiting;
        lock (_gate)
        {
            _toRelease.Remove(singleton);
            if (!_candidates.TryGetValue(singleton, out var candidate)) _candidates[singleton] = candidate = new Candidate();
            if (candidate.Current is { } held) return held.Lease;
            candidate.Waiter ??= new TaskCompletionSource<SingletonLease>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting = candidate.Waiter.Task;
        }

        _wake.Notify();
        return await waiting.WaitAsync(cancellationToken);
    }

    public void Withdraw(string singleton)
    {
        Term? revoked = null;
        lock (_gate)
        {
            if (!_candidates.Remove(singleton, out var candidate)) return;
            candidate.Waiter?.TrySetCanceled();
            if (candidate.Current is { } held)
            {
                revoked = held;
                _toRelease.Add(singleton);
            }
        }

        if (revoked is null) return;
        Revoke(revoked);
        _wake.Notify();
    }

    public async Task<bool> MarkRunAsync(SingletonLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return await store.MarkRunAsync(lease.Name, owner.Name, lease.Term, cancellationToken);
    }

    public async Task<bool> SetStateAsync(string singleton, string key, string value, CancellationToken cancellationToken)
    {
        long term;
        lock (_gate)
        {
            if (!_candidates.TryGetValue(singleton, out var candidate) || candidate.Current is not { } held) return false;
            term = held.Lease.Term;
        }

        return await store.SetStateAsync(singleton, owner.Name, term, key, value, cancellationToken);
    }

    public void Wake() => _wake.Notify();

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RoundAsync(stoppingToken);
                RevokeOverdue();
                await _wake.WaitAsync(UntilNextRound(), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await GiveUpAllAsync();
        }
    }

    /// <summary>One renewal: gives up what was withdrawn, then renews and takes in one statement.</summary>
    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        string[] release, wanted;
        lock (_gate)
        {
            release = [.. _toRelease];
            wanted = [.. _candidates.Keys];
        }

        try
        {
            if (release.Length > 0)
            {
                await store.ReleaseAsync(owner.Name, release, stoppingToken);
                lock (_gate) _toRelease.ExceptWith(release);
                signals?.Publish(HostTopics.Singletons);
            }

            if (wanted.Length == 0) return;
            var sent = time.GetTimestamp();
            var granted = await store.TakeAsync(owner.Name, wanted, options.Lease, stoppingToken);
            if (_failures > 0) LogRecovered(_failures);
            _failures = 0;
            Apply(wanted, granted.ToDictionary(g => g.Name, StringComparer.Ordinal), sent);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Nothing is renewed: what this host holds runs out locally before it does in the store.
            if (++_failures == 1) LogRoundFailed(e);
        }
    }

    private void Apply(string[] wanted, Dictionary<string, SingletonTerm> granted, long sent)
    {
        var revoked = new List<Term>();
        var won = new List<(TaskCompletionSource<SingletonLease>? Waiter, SingletonLease Lease)>();
        var trustedUntil = sent + (long)(options.TrustFor.TotalSeconds * time.TimestampFrequency);
        lock (_gate)
        {
            foreach (var name in wanted)
            {
                if (!_candidates.TryGetValue(name, out var candidate))
                {
                    // Withdrawn while the statement ran: give back what it took.
                    if (granted.ContainsKey(name)) _toRelease.Add(name);
                    continue;
                }

                if (!granted.TryGetValue(name, out var term))
                {
                    if (candidate.Current is { } lost)
                    {
                        revoked.Add(lost);
                        candidate.Current = null;
                        LogLost(name, lost.Lease.Term);
                    }
                    continue;
                }

                if (candidate.Current is { } current && current.Lease.Term == term.Term)
                {
                    current.TrustedUntil = trustedUntil;
                    continue;
                }

                if (candidate.Current is { } stale) revoked.Add(stale);
                var ends = new CancellationTokenSource();
                var lease = new SingletonLease(name, term.Term, term.SinceLastRun, ends.Token);
                candidate.Current = new Term(lease, ends) { TrustedUntil = trustedUntil };
                won.Add((candidate.Waiter, lease));
                candidate.Waiter = null;
                LogTaken(name, term.Term);
            }
        }

        foreach (var held in revoked) Revoke(held);
        foreach (var (waiter, lease) in won) waiter?.TrySetResult(lease);
        if (revoked.Count > 0 || won.Count > 0) Changed?.Invoke();
    }

    private void RevokeOverdue()
    {
        var now = time.GetTimestamp();
        var overdue = new List<Term>();
        lock (_gate)
        {
            foreach (var (name, candidate) in _candidates)
            {
                if (candidate.Current is { } held && held.TrustedUntil <= now)
                {
                    overdue.Add(held);
                    candidate.Current = null;
                    LogUntrusted(name, held.Lease.Term, options.TrustFor);
                }
            }
        }

        foreach (var held in overdue) Revoke(held);
        if (overdue.Count > 0) Changed?.Invoke();
    }

    // The next round comes at the renewal period, or sooner when a lease's local trust would otherwise end first.
    private TimeSpan UntilNextRound()
    {
        var wait = options.RenewEvery;
        var now = time.GetTimestamp();
        lock (_gate)
        {
            foreach (var candidate in _candidates.Values)
            {
                if (candidate.Current is not { } held) continue;
                var left = TimeSpan.FromSeconds(Math.Max(0, held.TrustedUntil - now) / (double)time.TimestampFrequency);
                if (left < wait) wait = left;
            }
        }

        return wait;
    }

    private async Task GiveUpAllAsync()
    {
        List<Term> held;
        string[] names;
        lock (_gate)
        {
            held = [.. _candidates.Values.Select(c => c.Current).OfType<Term>()];
            names = [.. _candidates.Where(c => c.Value.Current is not null).Select(c => c.Key).Concat(_toRelease).Distinct(StringComparer.Ordinal)];
            foreach (var candidate in _candidates.Values)
            {
                candidate.Current = null;
                candidate.Waiter?.TrySetCanceled();
            }
            _candidates.Clear();
            _toRelease.Clear();
        }

        foreach (var h in held) Revoke(h);
        if (names.Length == 0) return;
        using var bounded = new CancellationTokenSource(options.RenewEvery);
        try
        {
            await store.ReleaseAsync(owner.Name, names, bounded.Token);
            signals?.Publish(HostTopics.Singletons);
            LogReleased(string.Join(", ", names));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // They run out on their own.
            LogReleaseFailed(e);
        }
    }

    // Not disposed: work may still link its token to the lease after it was revoked.
    private static void Revoke(Term held) => held.Lost.Cancel();

    private sealed class Candidate
    {
        public TaskCompletionSource<SingletonLease>? Waiter { get; set; }

        public Term? Current { get; set; }
    }

    private sealed class Term(SingletonLease lease, CancellationTokenSource lost)
    {
        public SingletonLease Lease { get; } = lease;

        public CancellationTokenSource Lost { get; } = lost;

        /// <summary>Monotonic timestamp after which this host no longer trusts the lease.</summary>
        public long TrustedUntil { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This host now runs {Singleton} (term {Term})")]
    private partial void LogTaken(string singleton, long term);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another host took over {Singleton} (term {Term} ended)")]
    private partial void LogLost(string singleton, long term);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped running {Singleton} (term {Term}): its lease could not be renewed for {TrustFor}")]
    private partial void LogUntrusted(string singleton, long term, TimeSpan trustFor);

    [LoggerMessage(Level = LogLevel.Error, Message = "Renewing this host's singletons failed; retrying")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Singleton leases renewed again after {Failures} failed rounds")]
    private partial void LogRecovered(int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gave up {Singletons} for another host to take")]
    private partial void LogReleased(string singletons);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give up this host's singletons on stop; their leases run out on their own")]
    private partial void LogReleaseFailed(Exception exception);
}
