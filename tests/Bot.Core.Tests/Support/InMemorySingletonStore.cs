using Bot.Core.Hosts;

namespace Bot.Core.Tests.Support;

/// <summary>Singleton leases as the PostgreSQL store keeps them, on a clock of the test's; <see cref="Fail"/> cuts a host off.</summary>
public sealed class InMemorySingletonStore(TimeProvider clock) : ISingletonStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failing = new(StringComparer.Ordinal);

    public Dictionary<string, string> State { get; } = new(StringComparer.Ordinal);

    /// <summary>Every call of <paramref name="owner"/> fails from now on, as when its network is cut.</summary>
    public void Fail(string owner)
    {
        lock (_gate) _failing.Add(owner);
    }

    /// <summary>The calls of <paramref name="owner"/> go through again, as when its network comes back.</summary>
    public void Heal(string owner)
    {
        lock (_gate) _failing.Remove(owner);
    }

    public (string Holder, long Term, DateTimeOffset ExpiresAt)? Lease(string name)
    {
        lock (_gate) return _rows.TryGetValue(name, out var r) ? (r.Holder, r.Term, r.ExpiresAt) : null;
    }

    public Task<IReadOnlyList<SingletonTerm>> TakeAsync(string owner, IReadOnlyCollection<string> names, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfFailing(owner);
            var now = clock.GetUtcNow();
            var taken = new List<SingletonTerm>();
            foreach (var name in names)
            {
                if (!_rows.TryGetValue(name, out var row))
                {
                    _rows[name] = row = new Row { Holder = owner, Term = 1, ExpiresAt = now + lease };
                }
                else if (row.Holder == owner && row.ExpiresAt >= now)
                {
                    row.ExpiresAt = now + lease;
                }
                else if (row.ExpiresAt < now)
                {
                    (row.Holder, row.Term, row.ExpiresAt) = (owner, row.Term + 1, now + lease);
                }
                else
                {
                    continue;
                }

                taken.Add(new SingletonTerm(name, row.Term, row.LastRunAt is { } at ? now - at : null));
            }

            return Task.FromResult<IReadOnlyList<SingletonTerm>>(taken);
        }
    }

    public Task ReleaseAsync(string owner, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfFailing(owner);
            foreach (var name in names)
            {
                if (_rows.TryGetValue(name, out var row) && row.Holder == owner) row.ExpiresAt = clock.GetUtcNow() - TimeSpan.FromTicks(1);
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> MarkRunAsync(string name, string owner, long term, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfFailing(owner);
            if (!_rows.TryGetValue(name, out var row) || row.Holder != owner || row.Term != term) return Task.FromResult(false);
            row.LastRunAt = clock.GetUtcNow();
            return Task.FromResult(true);
        }
    }

    public Task<bool> SetStateAsync(string name, string owner, long term, string key, string value, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfFailing(owner);
            if (!_rows.TryGetValue(name, out var row) || row.Holder != owner || row.Term != term) return Task.FromResult(false);
            State[key] = value;
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<SingletonHolder>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<SingletonHolder>>([.. _rows.Select(r => new SingletonHolder(r.Key, r.Value.Holder, r.Value.Term, r.Value.ExpiresAt - clock.GetUtcNow()))]);
        }
    }

    private void ThrowIfFailing(string owner)
    {
        if (_failing.Contains(owner)) throw new TimeoutException($"{owner} cannot reach the store");
    }

    private sealed class Row
    {
        public string Holder { get; set; } = "";
        public long Term { get; set; }
        public DateTimeOffset ExpiresAt { get; set; }
        public DateTimeOffset? LastRunAt { get; set; }
    }
}
