using Bot.Core.Admin.Sessions;
using Bot.Core.Articles;
using Bot.Core.Audit;
using Bot.Core.Channels;
using Bot.Core.Dashboard;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Planning;
using Bot.Core.Storage;
using Bot.IntegrationTests.Support;
using Bot.Storage;
using Bot.Storage.Admin;
using Bot.Storage.Deliveries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.Storage;

/// <summary>
/// What the admin pages keep and read in the store (migration 0013): sessions, the audit log with its origin, and
/// per-article delivery counts; written once and run against each database by a sealed subclass.
/// </summary>
public abstract class AdminPageStoreContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private ServiceProvider? _services;

    protected FakeTimeProvider Clock { get; } = new(Start);
    protected abstract string Provider { get; }

    protected virtual void SkipUnlessAvailable()
    {
    }

    protected abstract Task<string> CreateEmptyDatabaseAsync();

    public async Task InitializeAsync()
    {
        SkipUnlessAvailable();
        _services = TestStorage.Open(Provider, await CreateEmptyDatabaseAsync(), Clock, services => services.AddAdminStorage());
        await _services.GetRequiredService<IStoreHealth>().MigrateAsync(None);
    }

    public virtual async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
    }

    private T Get<T>() where T : notnull => _services!.GetRequiredService<T>();

    [SkippableFact]
    public async Task Sessions_AddFindRemoveAndPurgeExpired()
    {
        var store = Get<IAdminSessionStore>();
        var open = new AdminSession("aa11", "key-1", Start, Start.AddHours(12), "192.0.2.7");
        var old = new AdminSession("bb22", "key-1", Start.AddHours(-13), Start.AddHours(-1), null);

        await store.AddAsync(open, None);
        await store.AddAsync(old, None);
        var found = await store.FindAsync("aa11", None);
        var purged = await store.RemoveExpiredAsync(Start, None);
        var oldAfterPurge = await store.FindAsync("bb22", None);
        await store.RemoveAsync("aa11", None);

        Assert.Equal(open, found);
        Assert.Equal(1, purged);
        Assert.Null(oldAfterPurge);
        Assert.Null(await store.FindAsync("aa11", None));
    }

    [SkippableFact]
    public async Task AuditLog_AppendedRows_ListedNewestFirstWithOriginAndPaged()
    {
        var log = Get<IAuditLog>();
        await log.AppendAsync(new AuditEntry(0, Start, "http:admin", "http-page", "pause news: paused", "2001:db8::7"), None);
        await log.AppendAsync(new AuditEntry(0, Start.AddMinutes(1), "telegram:42", "telegram-command", "/status: ok", null), None);
        await log.AppendAsync(new AuditEntry(0, Start.AddMinutes(2), "http:admin", "http-page", "retract k: retracted as version 2", "192.0.2.7"), None);

        var newest = await log.ListAsync(2, null, None);
        var older = await log.ListAsync(2, newest[^1].Id, None);

        Assert.Equal(
            [("http:admin", "retract k: retracted as version 2", "192.0.2.7", Start.AddMinutes(2)), ("telegram:42", "/status: ok", (string?)null, Start.AddMinutes(1))],
            newest.Select(e => (e.Actor, e.Detail!, e.Origin, e.At)).ToList());
        Assert.Equal([("http:admin", "pause news: paused", (string?)"2001:db8::7")], older.Select(e => (e.Actor, e.Detail!, e.Origin)).ToList());
    }

    [SkippableFact]
    public async Task ArticleCounts_ManyArticles_GroupedPerDestinationAndStatusForTheKeysAsked()
    {
        var deliveries = new SqlOutbox(Get<IDbConnectionFactory>(), Clock);
        var news = new Destination("news", ChannelNames.Telegram, "-1001", null, DestinationFilter.Everything);
        var list = new Destination("weekly", ChannelNames.Email, "", null, DestinationFilter.Everything);
        await deliveries.Destinations.SyncAsync([news, list], None);
        foreach (var key in new[] { "a", "b", "c" })
        {
            await Get<IArticleStore>().ImportAsync(new Article { Key = key, Title = "عنوان " + key, Paragraphs = ["نص"], Language = "ar", Received = Start }, None);
        }

        await deliveries.Planning.AddAsync(
        [
            new PlannedDelivery("a", 1, "news", "", DeliveryKind.Announce),
            new PlannedDelivery("a", 1, "weekly", "x@example.org", DeliveryKind.Announce),
            new PlannedDelivery("a", 1, "weekly", "y@example.org", DeliveryKind.Announce),
            new PlannedDelivery("b", 1, "news", "", DeliveryKind.Announce),
            new PlannedDelivery("c", 1, "news", "", DeliveryKind.Announce),
        ], None);
        var claimed = await deliveries.ClaimAsync("host", 10, Start, Start.AddMinutes(1), None);
        await deliveries.MarkSentAsync(claimed.Single(c => c.ArticleKey == "a" && c.Destination == "news").Id, "host", ["7"], Start, None);

        var counts = await Get<IArticleDeliveryCounts>().CountAsync(["a", "b", "nothing"], None);

        Assert.Equal(
            [("a", "news", DeliveryStatus.Sent, 1L), ("a", "weekly", DeliveryStatus.Sending, 2L), ("b", "news", DeliveryStatus.Queued, 1L)],
            counts.Select(c => (c.ArticleKey, c.Destination, c.Status, c.Count)).Order().ToList());
        Assert.Empty(await Get<IArticleDeliveryCounts>().CountAsync([], None));
    }
}
