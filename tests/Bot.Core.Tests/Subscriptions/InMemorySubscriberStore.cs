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

    public Task<SubscriberChange> RequestAsync(string list, string email, string? name, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!rows.TryGetValue(Key(list, email), out var row))
        {
            rows[Key(list, email)] = new Subscriber(nextId++, list, email, name, SubscriberStatus.Pending, now, now, null);
            return Task.FromResult(SubscriberChange.Added);
        }

        if (row.Status == SubscriberStatus.Active)
        {
            return Task.FromResult(SubscriberChange.Unchanged);
        }

        rows[Key(list, email)] = row with { Status = SubscriberStatus.Pending, Name = name ?? row.Name, UpdatedAt = now };
        return Task.FromResult(SubscriberChange.Updated);
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

    public Task<SubscriberChange> AddActiveAsync(string list, string email, string? name, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!rows.TryGetValue(Key(list, email), out var row))
        {
            rows[Key(list, email)] = new Subscriber(nextId++, list, email, name, SubscriberStatus.Active, now, now, null);
            return Task.FromResult(SubscriberChange.Added);
        }

        rows[Key(list, email)] = row with { Status = SubscriberStatus.Active, Name = name ?? row.Name, UpdatedAt = now };
        return Task.FromResult(row.Status == SubscriberStatus.Active ? SubscriberChange.Unchanged : SubscriberChange.Updated);
    }

    public async Task<SubscriberImportCounts> AddActiveAsync(IReadOnlyList<SubscriberImportRow> batch, CancellationToken cancellationToken)
    {
        var counts = SubscriberImportCounts.None;
        foreach (var row in batch)
        {
            counts = counts.Plus(await AddActiveAsync(row.List, row.Email, row.Name, cancellationToken) switch
            {
                SubscriberChange.Added => new SubscriberImportCounts(1, 0, 0),
                SubscriberChange.Updated => new SubscriberImportCounts(0, 1, 0),
                _ => new SubscriberImportCounts(0, 0, 1),
            });
        }

        return counts;
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
        if (rows.TryGetValue(Key(list, email), out var row))
        {
            rows[Key(list, email)] = row with { Status = SubscriberStatus.Bounced, UpdatedAt = clock.GetUtcNow() };
        }

        return Task.CompletedTask;
    }

    private static (string, string) Key(string list, string email) => (list, email);
}
