using Bot.Core.Storage;
using Bot.Core.Subscriptions;
using Bot.IntegrationTests.Support;
using Bot.Storage;
using Bot.Storage.Subscribers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.Email;

/// <summary>What the subscriber store must do, written once and run on SQLite and PostgreSQL.</summary>
public abstract class SubscriberStoreContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private ServiceProvider? provider;

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected ISubscriberStore Store => provider!.GetRequiredService<ISubscriberStore>();

    protected abstract string Provider { get; }

    public async Task InitializeAsync()
    {
        SkipUnlessAvailable();
        provider = TestStorage.Open(Provider, await CreateEmptyDatabaseAsync(), Clock, services => services.AddSubscriberStore());
        await provider.GetRequiredService<IStoreHealth>().MigrateAsync(CancellationToken.None);
    }

    public virtual async Task DisposeAsync()
    {
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }
    }

    protected virtual void SkipUnlessAvailable()
    {
    }

    protected abstract Task<string> CreateEmptyDatabaseAsync();

    [SkippableFact]
    public async Task Request_NewAddress_PendingWithTimes()
    {
        var change = await Store.RequestAsync("أخبار", "a@example.org", "أحمد", CancellationToken.None);

        var row = await Store.GetAsync("أخبار", "a@example.org", CancellationToken.None);
        Assert.Equal(SubscriberChange.Added, change);
        Assert.NotNull(row);
        Assert.Equal(("أخبار", "a@example.org", "أحمد", SubscriberStatus.Pending, Start, Start, (DateTimeOffset?)null),
            (row.List, row.Email, row.Name, row.Status, row.CreatedAt, row.UpdatedAt, row.ConfirmedAt));
    }

    [SkippableFact]
    public async Task Request_ActiveAddress_Unchanged()
    {
        await Store.AddActiveAsync("news", "a@example.org", "A", CancellationToken.None);

        var change = await Store.RequestAsync("news", "a@example.org", "B", CancellationToken.None);

        Assert.Equal(SubscriberChange.Unchanged, change);
        var row = await Store.GetAsync("news", "a@example.org", CancellationToken.None);
        Assert.Equal((SubscriberStatus.Active, "A"), (row!.Status, row.Name));
    }

    [SkippableFact]
    public async Task Request_UnsubscribedAddress_PendingAgainWithNewRequestTimeAndKeptName()
    {
        await Store.RequestAsync("news", "a@example.org", "A", CancellationToken.None);
        await Store.UnsubscribeAsync("news", "a@example.org", CancellationToken.None);
        Clock.Advance(TimeSpan.FromHours(1));

        var change = await Store.RequestAsync("news", "a@example.org", null, CancellationToken.None);

        var row = await Store.GetAsync("news", "a@example.org", CancellationToken.None);
        Assert.Equal(SubscriberChange.Updated, change);
        Assert.Equal((SubscriberStatus.Pending, "A", Start.AddHours(1), Start), (row!.Status, row.Name, row.UpdatedAt, row.CreatedAt));
    }

    [SkippableFact]
    public async Task Confirm_PendingRequestedBeforeTheLimit_Activates()
    {
        await Store.RequestAsync("news", "a@example.org", null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(3));

        var change = await Store.ConfirmAsync("news", "a@example.org", Start.AddSeconds(1), CancellationToken.None);

        var row = await Store.GetAsync("news", "a@example.org", CancellationToken.None);
        Assert.Equal(SubscriberChange.Updated, change);
        Assert.Equal((SubscriberStatus.Active, (DateTimeOffset?)Start.AddMinutes(3)), (row!.Status, row.ConfirmedAt));
    }

    [SkippableFact]
    public async Task Confirm_RequestNewerThanTheLimit_NotFoundAndStillPending()
    {
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Store.RequestAsync("news", "a@example.org", null, CancellationToken.None);

        var change = await Store.ConfirmAsync("news", "a@example.org", Start, CancellationToken.None);

        Assert.Equal(SubscriberChange.NotFound, change);
        Assert.Equal(SubscriberStatus.Pending, (await Store.GetAsync("news", "a@example.org", CancellationToken.None))!.Status);
    }

    [SkippableFact]
    public async Task Confirm_NotPending_NotFound()
    {
        await Store.AddActiveAsync("news", "a@example.org", null, CancellationToken.None);
        await Store.UnsubscribeAsync("news", "a@example.org", CancellationToken.None);

        var unsubscribed = await Store.ConfirmAsync("news", "a@example.org", Start.AddDays(1), CancellationToken.None);
        var unknown = await Store.ConfirmAsync("news", "b@example.org", Start.AddDays(1), CancellationToken.None);

        Assert.Equal(SubscriberChange.NotFound, unsubscribed);
        Assert.Equal(SubscriberChange.NotFound, unknown);
    }

    [SkippableFact]
    public async Task Unsubscribe_ActiveThenAgainThenUnknown_UpdatedUnchangedNotFound()
    {
        await Store.AddActiveAsync("news", "a@example.org", null, CancellationToken.None);

        var first = await Store.UnsubscribeAsync("news", "a@example.org", CancellationToken.None);
        var second = await Store.UnsubscribeAsync("news", "a@example.org", CancellationToken.None);
        var unknown = await Store.UnsubscribeAsync("news", "b@example.org", CancellationToken.None);

        Assert.Equal((SubscriberChange.Updated, SubscriberChange.Unchanged, SubscriberChange.NotFound), (first, second, unknown));
    }

    [SkippableFact]
    public async Task Unsubscribe_Bounced_StaysBounced()
    {
        await Store.AddActiveAsync("news", "a@example.org", null, CancellationToken.None);
        await Store.MarkBouncedAsync("news", "a@example.org", CancellationToken.None);

        var change = await Store.UnsubscribeAsync("news", "a@example.org", CancellationToken.None);

        Assert.Equal(SubscriberChange.Unchanged, change);
        Assert.Equal(SubscriberStatus.Bounced, (await Store.GetAsync("news", "a@example.org", CancellationToken.None))!.Status);
    }

    [SkippableFact]
    public async Task AddActive_NewKnownAndBounced_AddedUnchangedUpdated()
    {
        var added = await Store.AddActiveAsync("news", "a@example.org", null, CancellationToken.None);
        var again = await Store.AddActiveAsync("news", "a@example.org", "Named later", CancellationToken.None);
        await Store.MarkBouncedAsync("news", "a@example.org", CancellationToken.None);
        var reactivated = await Store.AddActiveAsync("news", "a@example.org", null, CancellationToken.None);

        var row = await Store.GetAsync("news", "a@example.org", CancellationToken.None);
        Assert.Equal((SubscriberChange.Added, SubscriberChange.Unchanged, SubscriberChange.Updated), (added, again, reactivated));
        Assert.Equal((SubscriberStatus.Active, "Named later", (DateTimeOffset?)null), (row!.Status, row.Name, row.ConfirmedAt));
    }

    [SkippableFact]
    public async Task AddActive_Batch_CountsAndWritesEveryRow()
    {
        await Store.RequestAsync("news", "pending@example.org", null, CancellationToken.None);
        await Store.AddActiveAsync("news", "active@example.org", null, CancellationToken.None);
        var rows = Enumerable.Range(0, 500).Select(i => new SubscriberImportRow(i + 2, "news", $"r{i}@example.org", $"قارئ {i}"))
            .Append(new SubscriberImportRow(600, "news", "pending@example.org", null))
            .Append(new SubscriberImportRow(601, "news", "active@example.org", null))
            .ToList();

        var counts = await Store.AddActiveAsync(rows, CancellationToken.None);

        Assert.Equal(new SubscriberImportCounts(500, 1, 1), counts);
        var all = new List<Subscriber>();
        await foreach (var s in Store.ListAsync("news", CancellationToken.None))
        {
            all.Add(s);
        }

        Assert.Equal(502, all.Count);
        Assert.All(all, s => Assert.Equal(SubscriberStatus.Active, s.Status));
        Assert.Equal(all.Select(s => s.Email).Order(StringComparer.Ordinal), all.Select(s => s.Email));
    }

    [SkippableFact]
    public async Task List_AllLists_OrderedByListThenAddress()
    {
        await Store.AddActiveAsync("sport", "b@example.org", null, CancellationToken.None);
        await Store.AddActiveAsync("news", "z@example.org", null, CancellationToken.None);
        await Store.AddActiveAsync("news", "a@example.org", null, CancellationToken.None);

        var all = new List<(string, string)>();
        await foreach (var s in Store.ListAsync(null, CancellationToken.None))
        {
            all.Add((s.List, s.Email));
        }

        Assert.Equal([("news", "a@example.org"), ("news", "z@example.org"), ("sport", "b@example.org")], all);
    }

    [SkippableFact]
    public async Task Remove_OneListOrAll_MarksUnsubscribed()
    {
        await Store.AddActiveAsync("news", "a@example.org", null, CancellationToken.None);
        await Store.AddActiveAsync("sport", "a@example.org", null, CancellationToken.None);
        await Store.AddActiveAsync("culture", "a@example.org", null, CancellationToken.None);

        var one = await Store.RemoveAsync("news", "a@example.org", CancellationToken.None);
        var rest = await Store.RemoveAsync(null, "a@example.org", CancellationToken.None);
        var none = await Store.RemoveAsync(null, "a@example.org", CancellationToken.None);

        Assert.Equal((1, 2, 0), (one, rest, none));
        await foreach (var s in Store.ListAsync(null, CancellationToken.None))
        {
            Assert.Equal(SubscriberStatus.Unsubscribed, s.Status);
        }
    }

    [SkippableFact]
    public async Task TokenKey_FirstWriterWins()
    {
        var keys = provider!.GetRequiredService<SubscriptionTokenKeyStore>();

        var first = await keys.GetOrAddAsync("first-key", CancellationToken.None);
        var second = await keys.GetOrAddAsync("second-key", CancellationToken.None);

        Assert.Equal(("first-key", "first-key"), (first, second));
    }

    [SkippableFact]
    public async Task Request_ConcurrentForOneAddress_OneRow()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.RequestAsync("news", "race@example.org", null, CancellationToken.None)));

        Assert.Equal(1, results.Count(r => r == SubscriberChange.Added));
        var count = 0;
        await foreach (var _ in Store.ListAsync("news", CancellationToken.None))
        {
            count++;
        }

        Assert.Equal(1, count);
    }
}
