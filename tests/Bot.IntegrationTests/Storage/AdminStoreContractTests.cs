using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Planning;
using Bot.Core.Delivery.Republishing;
using Bot.Core.Storage;
using Bot.Core.Subscriptions;
using Bot.IntegrationTests.Support;
using Bot.Storage;
using Bot.Storage.Deliveries;
using Bot.Storage.Migrations;
using Bot.Storage.Subscribers;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.Storage;

/// <summary>
/// The store queries behind the admin side (re-publish generations and migration 0005, subscriber counts,
/// <c>bot_state</c>), written once and run against each database by a sealed subclass.
/// </summary>
public abstract class AdminStoreContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private readonly List<ServiceProvider> _providers = [];

    private readonly Destination _channel = new("news", ChannelNames.Telegram, "-1001", null, DestinationFilter.Everything);
    private readonly Destination _list = new("weekly", ChannelNames.Email, "", null, DestinationFilter.Everything);
    private readonly Destination _sport = new("sport", ChannelNames.Telegram, "-1002", null, new DestinationFilter(["sport"], [], [], null));

    protected FakeTimeProvider Clock { get; } = new(Start);
    protected string ConnectionString { get; private set; } = "";
    protected abstract string Provider { get; }

    protected virtual void SkipUnlessAvailable()
    {
    }

    protected abstract Task<string> CreateEmptyDatabaseAsync();

    public async Task InitializeAsync()
    {
        SkipUnlessAvailable();
        ConnectionString = await CreateEmptyDatabaseAsync();
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
    }

    [SkippableFact]
    public async Task Republish_AnnouncedArticle_NewDeliveriesToEveryMatchOnceAndDoubleTapQueuesNothing()
    {
        var (services, deliveries) = await ArrangeAsync();
        var subscribers = services.GetRequiredService<ISubscriberStore>();
        await subscribers.AddActiveAsync("weekly", "a@example.org", null, None);
        await subscribers.AddActiveAsync("weekly", "b@example.org", null, None);
        await deliveries.Planning.AddAsync([new PlannedDelivery("k", 1, "news", "", DeliveryKind.Announce)], None);
        var republisher = Republisher(services, deliveries);

        var first = await republisher.RepublishAsync("k", "telegram:42", None);
        var doubleTap = await republisher.RepublishAsync("k", "telegram:42", None);
        Clock.Advance(ArticleRepublisher.DoubleTapWindow);
        var later = await republisher.RepublishAsync("k", "telegram:42", None);

        Assert.Equal(new RepublishResult.Queued("k", 1, 1, 2, 3), first);
        Assert.Equal(new RepublishResult.AlreadyQueued("k", 1, Start), doubleTap);
        Assert.Equal(new RepublishResult.Queued("k", 1, 2, 2, 3), later);
        var rows = await RowsAsync(services);
        Assert.Equal(
            [("news", "", 0L), ("news", "", 1L), ("news", "", 2L),
             ("weekly", "a@example.org", 1L), ("weekly", "a@example.org", 2L), ("weekly", "b@example.org", 1L), ("weekly", "b@example.org", 2L)],
            rows);
        Assert.Equal(2L, await ScalarAsync<long>(services, "SELECT COUNT(*) FROM audit_log WHERE action = 'article-republished' AND actor = 'telegram:42'"));
    }

    [SkippableFact]
    public async Task Republish_DisabledDestinationOrRetractedOrUnknown_NothingQueued()
    {
        var (services, deliveries) = await ArrangeAsync();
        await deliveries.Destinations.SetDisabledAsync("news", "Forbidden: bot was kicked from the channel chat", None);
        await deliveries.Destinations.SetDisabledAsync("weekly", "no", None);
        var articles = services.GetRequiredService<IArticleStore>();
        await articles.ImportAsync(Article("gone") with { Retracted = true }, None);
        var republisher = Republisher(services, deliveries);

        var noDestination = await republisher.RepublishAsync("k", "cli", None);
        var retracted = await republisher.RepublishAsync("gone", "cli", None);
        var unknown = await republisher.RepublishAsync("nope", "cli", None);

        Assert.Equal(new RepublishResult.NoDestination("k"), noDestination);
        Assert.Equal(new RepublishResult.Retracted("gone"), retracted);
        Assert.Equal(new RepublishResult.NotFound("nope"), unknown);
        Assert.Equal(0L, await ScalarAsync<long>(services, "SELECT COUNT(*) FROM deliveries"));
    }

    [SkippableFact]
    public async Task Migration0005_ExistingDeliveriesKeepTheirIdsAndTheKeyAllowsGenerations()
    {
        var services = OpenStore();
        var runner = services.GetRequiredService<MigrationRunner>();
        var all = Migration.LoadEmbedded(services.GetRequiredService<SqlDialect>());
        await runner.RunAsync([.. all.Where(m => m.Version < 5)], None);
        await PreOriginArticle.InsertAsync(services.GetRequiredService<IDbConnectionFactory>(), "k", "T", Start);
        await ExecuteAsync(services, "INSERT INTO destinations (name, channel, address, updated_at) VALUES ('news', 'telegram', '-1001', @Now)", new { Now = Start });
        await ExecuteAsync(services,
            """
            INSERT INTO deliveries (article_key, article_version, destination, kind, status, remote_ids, next_attempt_at, created_at, updated_at, sent_at)
            VALUES ('k', 1, 'news', 'announce', 'sent', '["11"]', @Now, @Now, @Now, @Now)
            """,
            new { Now = Start });
        var before = await ScalarAsync<long>(services, "SELECT id FROM deliveries");

        await runner.RunAsync(all, None);
        var deliveries = new SqlOutbox(services.GetRequiredService<IDbConnectionFactory>(), Clock);
        var again = await deliveries.Planning.AddAsync([new PlannedDelivery("k", 1, "news", "", DeliveryKind.Announce)], None);
        var republished = await deliveries.Planning.AddAsync([new PlannedDelivery("k", 1, "news", "", DeliveryKind.Announce, Generation: 1)], None);
        var remote = (await deliveries.Queries.ListAsync(new DeliveryQuery(ArticleKey: "k", Status: DeliveryStatus.Sent), None)).Single().RemoteIds;
        var rows = await QueryAsync<(long Id, long Generation)>(services, "SELECT id, generation FROM deliveries ORDER BY generation");

        Assert.Equal((0, 1), (again, republished));
        Assert.Equal(["11"], remote);
        Assert.Equal([0L, 1L], rows.Select(r => r.Generation));
        Assert.Equal(before, rows[0].Id);
        Assert.True(rows[1].Id > before);
    }

    [SkippableFact]
    public async Task CountSubscribers_PerListAndState()
    {
        var (services, _) = await ArrangeAsync();
        var subscribers = services.GetRequiredService<ISubscriberStore>();
        await subscribers.AddActiveAsync("weekly", "a@example.org", null, None);
        await subscribers.AddActiveAsync("weekly", "b@example.org", null, None);
        await subscribers.RequestAsync("weekly", "c@example.org", null, DateTimeOffset.MinValue, None);
        await subscribers.AddActiveAsync("weekly", "d@example.org", null, None);
        await subscribers.MarkBouncedAsync("weekly", "d@example.org", None);
        await subscribers.AddActiveAsync("daily", "e@example.org", null, None);
        await subscribers.UnsubscribeAsync("daily", "e@example.org", None);

        var counts = await new SqlSubscriberCounter(services.GetRequiredService<IDbConnectionFactory>()).CountAsync(None);

        Assert.Equal(
            [new SubscriberCount("daily", SubscriberStatus.Unsubscribed, 1), new SubscriberCount("weekly", SubscriberStatus.Active, 2),
             new SubscriberCount("weekly", SubscriberStatus.Bounced, 1), new SubscriberCount("weekly", SubscriberStatus.Pending, 1)],
            counts);
    }

    [SkippableFact]
    public async Task BotState_SetGetReplace()
    {
        var (services, _) = await ArrangeAsync();
        var state = services.GetRequiredService<IBotStateStore>();

        var missing = await state.GetAsync("telegram.updates_offset", None);
        await state.SetAsync("telegram.updates_offset", "1001 a", None);
        await state.SetAsync("telegram.updates_offset", "1002 b", None);
        var stored = await state.GetAsync("telegram.updates_offset", None);

        Assert.Null(missing);
        Assert.Equal("1002 b", stored);
    }

    private async Task<(ServiceProvider Services, SqlOutbox Deliveries)> ArrangeAsync()
    {
        var services = OpenStore();
        await services.GetRequiredService<IStoreHealth>().MigrateAsync(None);
        var deliveries = new SqlOutbox(services.GetRequiredService<IDbConnectionFactory>(), Clock);
        await deliveries.Destinations.SyncAsync([_channel, _list, _sport], None);
        await services.GetRequiredService<IArticleStore>().ImportAsync(Article("k"), None);
        return (services, deliveries);
    }

    private ArticleRepublisher Republisher(ServiceProvider services, SqlOutbox deliveries) => new(
        services.GetRequiredService<IArticleStore>(), deliveries.Planning, deliveries.Destinations, deliveries.Audit,
        new SqlRepublishLedger(services.GetRequiredService<IDbConnectionFactory>()),
        new DestinationCatalog([_channel, _list, _sport], Bot.Host.Delivery.DeliveryServiceCollectionExtensions.ChannelTraits), new DeliverySignal(), Clock);

    private static Article Article(string key) =>
        new() { Key = key, Title = "عنوان " + key, Paragraphs = ["نص"], Language = "ar", Received = Start };

    private ServiceProvider OpenStore()
    {
        var provider = TestStorage.Open(Provider, ConnectionString, Clock, services => services.AddSubscriberStore());
        _providers.Add(provider);
        return provider;
    }

    private static async Task<IReadOnlyList<(string, string, long)>> RowsAsync(IServiceProvider services) =>
        await QueryAsync<(string, string, long)>(services, "SELECT destination, recipient, generation FROM deliveries ORDER BY destination, recipient, generation");

    private static async Task<IReadOnlyList<T>> QueryAsync<T>(IServiceProvider services, string sql)
    {
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync(None);
        return [.. await connection.QueryAsync<T>(sql)];
    }

    private static async Task<T> ScalarAsync<T>(IServiceProvider services, string sql)
    {
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync(None);
        return await connection.QuerySingleAsync<T>(sql);
    }

    private static async Task ExecuteAsync(IServiceProvider services, string sql, object parameters)
    {
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync(None);
        await connection.ExecuteAsync(sql, parameters);
    }
}
