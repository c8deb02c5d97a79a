using System.Runtime.CompilerServices;
using Bot.Core.Subscriptions;

namespace Bot.Core.Tests.Subscriptions;

/// <summary>The subscriber store contract in memory, for flow tests.</summary>
internal sealed class InMemorySubscriberStore(TimeProvider clock) : ISubscriberStore
{
    private readonly Dictionary<(string, string), Subscriber> rows = [];
    private long nextId = 1;

    public IReadOnlyCollection<Subscriber> All => rows.Values;

    public Task<Subscriber?> GetAsync(string list, string email, CancellationToken cancellationToken) =>
        Task.FromResult(rows.GetValueOrDefault(Key(list, email)));

    public async IAsyncEnumerable<Subscriber> ListAsync(string? list, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var row in rows.Values.Where(r => list is null || r.List == list).OrderBy(r => r.List).ThenBy(r => r.Email))
        {
            yield return row;
        }
    }

    /// <summary>Every <see cref="RequestAsync"/>, to show that known and unknown addresses take the same path.</summary>
    public int Requests { get; private set; }

    public Task<SubscriberRequest> RequestAsync(string list, string email, string? name, DateTimeOffset lastMailBefore, CancellationToken cancellationToken)
    {
        Requests++;
        var now = clock.GetUtcNow();
        if (!rows.TryGetValue(Key(list, email), out var row))
        {
            rows[Key(list, email)] = new Subscriber(nextId++, list, email, name, SubscriberStatus.Pending, now, now, null, now);
            return Task.FromResult(new SubscriberRequest(SubscriberStatus.Pending, name, true));
        }

        if (row.RequestedAt is { } mailed && mailed > lastMailBefore)
        {
            return Task.FromResult(new SubscriberRequest(row.Status, row.Name, false));
        }

        rows[Key(list, email)] = row.Status == SubscriberStatus.Active
            ? row with { RequestedAt = now }
            : row with { Status = SubscriberStatus.Pending, Name = name ?? row.Name, UpdatedAt = now, RequestedAt = now };
        var updated = rows[Key(list, email)];
        return Task.FromResult(new SubscriberRequest(updated.Status, updated.Name, true));
    }

    public Task<SubscriberChange> ConfirmAsync(string list, string email, DateTimeOffset requestedNoLaterThan, CancellationToken cancellationToken)
    {
        if (!rows.TryGetValue(Key(list, email), out var row) || row.Status != SubscriberStatus.Pending || row.UpdatedAt > requestedNoLaterThan)
        {
            return Task.FromResult(SubscriberChange.NotFound);
        }

        var now = clock.GetUtcNow();
        rows[Key(list, email)] = row with { Status = SubscriberStatus.Active, UpdatedAt = now, ConfirmedAt = now };
        return Task.FromResult(SubscriberChange.Updated);
    }

    public Task<SubscriberChange> UnsubscribeAsync(string list, string email, CancellationToken cancellationToken)
    {
        if (!rows.TryGetValue(Key(list, email), out var row))
        {
            return Task.FromResult(SubscriberChange.NotFound);
        }

        if (row.Status is not (SubscriberStatus.Active or SubscriberStatus.Pending))
        {
            return Task.FromResult(SubscriberChange.Unchanged);
        }

        rows[Key(list, email)] = row with { Status = SubscriberStatus.Unsubscribed, UpdatedAt = clock.GetUtcNow() };
        return Task.FromResult(SubscriberChange.Updated);
    }

    public Task<SubscriberAdd> AddActiveAsync(string list, string email, string? name, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!rows.TryGetValue(Key(list, email), out var row))
        {
            rows[Key(list, email)] = new Subscriber(nextId++, list, email, name, SubscriberStatus.Active, now, now, null);
            return Task.FromResult(SubscriberAdd.Added);
        }

        switch (row.Status)
        {
            case SubscriberStatus.Unsubscribed:
                return Task.FromResult(SubscriberAdd.KeptUnsubscribed);
            case SubscriberStatus.Bounced:
                return Task.FromResult(SubscriberAdd.KeptBounced);
        }

        rows[Key(list, email)] = row with { Status = SubscriberStatus.Active, Name = name ?? row.Name, UpdatedAt = now };
        return Task.FromResult(row.Status == SubscriberStatus.Active ? SubscriberAdd.Unchanged : SubscriberAdd.Activated);
    }

    public async Task<IReadOnlyList<SubscriberAdd>> AddActiveAsync(IReadOnlyList<SubscriberImportRow> batch, CancellationToken cancellationToken)
    {
        var outcomes = new List<SubscriberAdd>();
        foreach (var row in batch)
        {
            outcomes.Add(await AddActiveAsync(row.List, row.Email, row.Name, cancellationToken));
        }

        return outcomes;
    }

    public Task<SubscriberChange> ReactivateAsync(string list, string email, CancellationToken cancellationToken)
    {
        if (!rows.TryGetValue(Key(list, email), out var row) || row.Status != SubscriberStatus.Bounced)
        {
            return Task.FromResult(SubscriberChange.NotFound);
        }

        rows[Key(list, email)] = row with { Status = SubscriberStatus.Active, UpdatedAt = clock.GetUtcNow() };
        return Task.FromResult(SubscriberChange.Updated);
    }

    public Task<int> RemoveAsync(string? list, string email, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var row in rows.Values.Where(r => (list is null || r.List == list) && r.Email == email && r.Status != SubscriberStatus.Unsubscribed).ToList())
        {
            rows[Key(row.List, row.Email)] = row with { Status = SubscriberStatus.Unsubscribed, UpdatedAt = clock.GetUtcNow() };
            changed++;
        }

        return Task.FromResult(changed);
    }

    public Task MarkBouncedAsync(string list, string email, CancellationToken cancellationToken)
    {
        if (rows.TryGetValue(Key(list, email), out var row) && row.Status is SubscriberStatus.Active or SubscriberStatus.Pending)
        {
            rows[Key(list, email)] = row with { Status = SubscriberStatus.Bounced, UpdatedAt = clock.GetUtcNow() };
        }

        return Task.CompletedTask;
    }

    private static (string, string) Key(string list, string email) => (list, email);
}
