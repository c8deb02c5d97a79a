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

    private static readonly TimeSpan Resend = TimeSpan.FromMinutes(10);

    /// <summary>A request as the flow makes it: a mail is due unless one went out in the last ten minutes.</summary>
    private Task<SubscriberRequest> RequestAsync(string list, string email, string? name) =>
        Store.RequestAsync(list, email, name, Clock.GetUtcNow() - Resend, CancellationToken.None);

    [SkippableFact]
    public async Task Request_NewAddress_PendingWithTimes()
    {
        var request = await RequestAsync("أخبار", "a@example.org", "أحمد");

        var row = await Store.GetAsync("أخبار", "a@example.org", CancellationToken.None);
        Assert.Equal(new SubscriberRequest(SubscriberStatus.Pending, "أحمد", MailDue: true), request);
        Assert.NotNull(row);
        Assert.Equal(("أخبار", "a@example.org", "أحمد", SubscriberStatus.Pending, Start, Start, (DateTimeOffset?)null, (DateTimeOffset?)Start),
            (row.List, row.Email, row.Name, row.Status, row.CreatedAt, row.UpdatedAt, row.ConfirmedAt, row.RequestedAt));
    }

    [SkippableFact]
    public async Task Request_ActiveAddress_StaysActiveAndAMailIsDueOncePerInterval()
    {
        await Store.AddActiveAsync("news", "a@example.org", "A", CancellationToken.None);

        var first = await RequestAsync("news", "a@example.org", "B");
        Clock.Advance(Resend - TimeSpan.FromSeconds(1));
        var soon = await RequestAsync("news", "a@example.org", "B");
        Clock.Advance(TimeSpan.FromSeconds(1));
        var later = await RequestAsync("news", "a@example.org", null);

        Assert.Equal(new SubscriberRequest(SubscriberStatus.Active, "A", MailDue: true), first);
        Assert.Equal(new SubscriberRequest(SubscriberStatus.Active, "A", MailDue: false), soon);
        Assert.True(later.MailDue);
        var row = await Store.GetAsync("news", "a@example.org", CancellationToken.None);
        Assert.Equal((SubscriberStatus.Active, "A", Start, (DateTimeOffset?)Start.Add(Resend)), (row!.Status, row.Name, row.UpdatedAt, row.RequestedAt));
    }

    [SkippableFact]
    public async Task Request_PendingAddressAgainSoon_NoMailAndTheRequestCycleKept()
    {
        await RequestAsync("news", "a@example.org", null);
        Clock.Advance(TimeSpan.FromMinutes(3));

        var again = await RequestAsync("news", "a@example.org", "Late");

        Assert.Equal(new SubscriberRequest(SubscriberStatus.Pending, null, MailDue: false), again);
        var row = await Store.GetAsync("news", "a@example.org", CancellationToken.None);
        Assert.Equal((Start, (DateTimeOffset?)Start), (row!.UpdatedAt, row.RequestedAt));
    }

    [SkippableFact]
    public async Task Request_UnsubscribedAddress_PendingAgainWithNewRequestTimeAndKeptName()
    {
        await RequestAsync("news", "a@example.org", "A");
        await Store.UnsubscribeAsync("news", "a@example.org", CancellationToken.None);
        Clock.Advance(TimeSpan.FromHours(1));

        var request = await RequestAsync("news", "a@example.org", null);

        var row = await Store.GetAsync("news", "a@example.org", CancellationToken.None);
        Assert.Equal(new SubscriberRequest(SubscriberStatus.Pending, "A", MailDue: true), request);
        Assert.Equal((SubscriberStatus.Pending, "A", Start.AddHours(1), Start), (row!.Status, row.Name, row.UpdatedAt, row.CreatedAt));
    }

    [SkippableFact]
    public async Task Confirm_PendingRequestedBeforeTheLimit_Activates()
    {
        await RequestAsync("news", "a@example.org", null);
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
        await RequestAsync("news", "a@example.org", null);

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
    public async Task AddActive_NewKnownAndPending_AddedUnchangedActivated()
    {
        var added = await Store.AddActiveAsync("news", "a@example.org", null, CancellationToken.None);
        var again = await Store.AddActiveAsync("news", "a@example.org", "Named later", CancellationToken.None);
        await RequestAsync("news", "p@example.org", null);
        var activated = await Store.AddActiveAsync("news", "p@example.org", null, CancellationToken.None);

        var row = await Store.GetAsync("news", "a@example.org", CancellationToken.None);
        Assert.Equal((SubscriberAdd.Added, SubscriberAdd.Unchanged, SubscriberAdd.Activated), (added, again, activated));
        Assert.Equal((SubscriberStatus.Active, "Named later", (DateTimeOffset?)null), (row!.Status, row.Name, row.ConfirmedAt));
        Assert.Equal(SubscriberStatus.Active, (await Store.GetAsync("news", "p@example.org", CancellationToken.None))!.Status);
    }

    [SkippableFact]
    public async Task AddActive_UnsubscribedAndBounced_KeptAsTheyAre()
    {
        await Store.AddActiveAsync("news", "left@example.org", "Left", CancellationToken.None);
        await Store.UnsubscribeAsync("news", "left@example.org", CancellationToken.None);
        await Store.AddActiveAsync("news", "dead@example.org", null, CancellationToken.None);
        await Store.MarkBouncedAsync("news", "dead@example.org", CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(1));

        var unsubscribed = await Store.AddActiveAsync("news", "left@example.org", "Renamed", CancellationToken.None);
        var bounced = await Store.AddActiveAsync("news", "dead@example.org", "Named", CancellationToken.None);

        Assert.Equal((SubscriberAdd.KeptUnsubscribed, SubscriberAdd.KeptBounced), (unsubscribed, bounced));
        var left = await Store.GetAsync("news", "left@example.org", CancellationToken.None);
        var dead = await Store.GetAsync("news", "dead@example.org", CancellationToken.None);
        Assert.Equal((SubscriberStatus.Unsubscribed, "Left", Start), (left!.Status, left.Name, left.UpdatedAt));
        Assert.Equal((SubscriberStatus.Bounced, null, Start), (dead!.Status, dead.Name, dead.UpdatedAt));
    }

    [SkippableFact]
    public async Task AddActive_BatchWithUnsubscribedAndBounced_OneOutcomePerRowAndNothingReactivated()
    {
        await RequestAsync("news", "pending@example.org", null);
        await Store.AddActiveAsync("news", "active@example.org", null, CancellationToken.None);
        await Store.AddActiveAsync("news", "left@example.org", null, CancellationToken.None);
        await Store.RemoveAsync("news", "left@example.org", CancellationToken.None);
        await Store.AddActiveAsync("news", "dead@example.org", null, CancellationToken.None);
        await Store.MarkBouncedAsync("news", "dead@example.org", CancellationToken.None);
        var rows = Enumerable.Range(0, 500).Select(i => new SubscriberImportRow(i + 2, "news", $"r{i}@example.org", $"قارئ {i}"))
            .Append(new SubscriberImportRow(600, "news", "pending@example.org", null))
            .Append(new SubscriberImportRow(601, "news", "active@example.org", null))
            .Append(new SubscriberImportRow(602, "news", "left@example.org", "Back"))
            .Append(new SubscriberImportRow(603, "news", "dead@example.org", null))
            .ToList();

        var outcomes = await Store.AddActiveAsync(rows, CancellationToken.None);

        Assert.Equal(
            [.. Enumerable.Repeat(SubscriberAdd.Added, 500), SubscriberAdd.Activated, SubscriberAdd.Unchanged, SubscriberAdd.KeptUnsubscribed, SubscriberAdd.KeptBounced],
            outcomes);
        var all = new List<Subscriber>();
        await foreach (var s in Store.ListAsync("news", CancellationToken.None))
        {
            all.Add(s);
        }

        Assert.Equal(504, all.Count);
        Assert.Equal(
            [("dead@example.org", SubscriberStatus.Bounced), ("left@example.org", SubscriberStatus.Unsubscribed)],
            all.Where(s => s.Status != SubscriberStatus.Active).Select(s => (s.Email, s.Status)));
        Assert.Equal(all.Select(s => s.Email).Order(StringComparer.Ordinal), all.Select(s => s.Email));
    }

    [SkippableFact]
    public async Task Reactivate_OnlyABouncedAddress()
    {
        foreach (var email in new[] { "dead@example.org", "left@example.org", "active@example.org" })
        {
            await Store.AddActiveAsync("news", email, null, CancellationToken.None);
        }

        await Store.MarkBouncedAsync("news", "dead@example.org", CancellationToken.None);
        await Store.UnsubscribeAsync("news", "left@example.org", CancellationToken.None);

        var results = new[]
        {
            await Store.ReactivateAsync("news", "dead@example.org", CancellationToken.None),
            await Store.ReactivateAsync("news", "left@example.org", CancellationToken.None),
            await Store.ReactivateAsync("news", "active@example.org", CancellationToken.None),
            await Store.ReactivateAsync("news", "unknown@example.org", CancellationToken.None),
        };

        Assert.Equal([SubscriberChange.Updated, SubscriberChange.NotFound, SubscriberChange.NotFound, SubscriberChange.NotFound], results);
        Assert.Equal(SubscriberStatus.Active, (await Store.GetAsync("news", "dead@example.org", CancellationToken.None))!.Status);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await Store.GetAsync("news", "left@example.org", CancellationToken.None))!.Status);
    }

    [SkippableFact]
    public async Task MarkBounced_Unsubscribed_StaysUnsubscribed()
    {
        await Store.AddActiveAsync("news", "a@example.org", null, CancellationToken.None);
        await Store.UnsubscribeAsync("news", "a@example.org", CancellationToken.None);

        await Store.MarkBouncedAsync("news", "a@example.org", CancellationToken.None);

        Assert.Equal(SubscriberStatus.Unsubscribed, (await Store.GetAsync("news", "a@example.org", CancellationToken.None))!.Status);
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

        var none = await keys.FindAsync(CancellationToken.None);
        var first = await keys.GetOrAddAsync("first-key", CancellationToken.None);
        var second = await keys.GetOrAddAsync("second-key", CancellationToken.None);

        Assert.Equal((null, "first-key", "first-key", "first-key"), (none, first, second, await keys.FindAsync(CancellationToken.None)));
    }

    [SkippableFact]
    public async Task Request_ConcurrentForOneAddress_OneRow()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RequestAsync("news", "race@example.org", null)));

        Assert.Equal(1, results.Count(r => r.MailDue));
        var count = 0;
        await foreach (var _ in Store.ListAsync("news", CancellationToken.None))
        {
            count++;
        }

        Assert.Equal(1, count);
    }
}
