using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Planning;
using Bot.Core.Delivery.Store;
using Bot.Core.Storage;
using Bot.IntegrationTests.Support;
using Bot.Storage;
using Bot.Storage.Deliveries;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.Delivery;

/// <summary>What the delivery store must do, written once and run against each database by a sealed subclass.</summary>
public abstract partial class DeliveryStoreContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly List<ServiceProvider> _providers = [];

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

    /// <summary>A store on the test database as a fresh process would open it.</summary>
    protected async Task<(SqlOutbox Deliveries, IArticleStore Articles, IDbConnectionFactory Factory)> OpenAsync()
    {
        var provider = TestStorage.Open(Provider, ConnectionString, Clock);
        _providers.Add(provider);
        await provider.GetRequiredService<IStoreHealth>().MigrateAsync(None);
        var factory = provider.GetRequiredService<IDbConnectionFactory>();
        return (new SqlOutbox(factory, Clock), provider.GetRequiredService<IArticleStore>(), factory);
    }

    private async Task<SqlOutbox> ArrangeAsync(params string[] articleKeys)
    {
        var (store, articles, _) = await OpenAsync();
        await store.Destinations.SyncAsync(
        [
            new Destination("tg", ChannelNames.Telegram, "-100", null, DestinationFilter.Everything),
            new Destination("dc", ChannelNames.Discord, "42", null, DestinationFilter.Everything),
            new Destination("mail", ChannelNames.Email, "", null, DestinationFilter.Everything),
        ], None);
        foreach (var key in articleKeys) await ImportAsync(articles, key);
        return store;
    }

    private static Task<ImportResult> ImportAsync(IArticleStore articles, string key, string body = "نص") =>
        articles.ImportAsync(new Article { Key = key, Title = "عنوان " + key, Paragraphs = [body], Language = "ar", Received = Start }, None);

    private static PlannedDelivery Planned(string key, string destination, DeliveryKind kind = DeliveryKind.Announce, int version = 1, string recipient = "") =>
        new(key, version, destination, recipient, kind);

    /// <summary>
    /// Lets <paramref name="span"/> pass for the store. SQLite has no clock of its own: the test's clock moves. PostgreSQL
    /// decides leases and due times on its own now(), which a test cannot move: every stored lease and due time moves
    /// back instead, which is the same to the store.
    /// </summary>
    private async Task PassAsync(TimeSpan span)
    {
        Clock.Advance(span);
        var (_, _, factory) = await OpenAsync();
        if (!factory.Dialect.HasClock) return;
        await using var connection = await factory.OpenAsync(None);
        await connection.ExecuteAsync(
            "UPDATE deliveries SET next_attempt_at = next_attempt_at - @Span, lease_until = lease_until - @Span; UPDATE planning_claims SET lease_until = lease_until - @Span",
            new { Span = span });
    }

    /// <summary>
    /// Asserts that the store holds <paramref name="expected"/>, an instant on the test's clock. On PostgreSQL, which
    /// keeps leases and due times on its own clock, that is the database's now plus the same distance, give or take the
    /// few seconds the test took.
    /// </summary>
    private async Task AssertStoredAtAsync(DateTimeOffset expected, DateTimeOffset? stored)
    {
        var (_, _, factory) = await OpenAsync();
        Assert.NotNull(stored);
        if (!factory.Dialect.HasClock)
        {
            Assert.Equal(expected, stored);
            return;
        }

        var onStoreClock = DateTimeOffset.UtcNow + (expected - Clock.GetUtcNow());
        Assert.InRange(stored.Value, onStoreClock - TimeSpan.FromSeconds(10), onStoreClock + TimeSpan.FromSeconds(1));
    }

    private Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(SqlOutbox store, string owner = "host-a", int limit = 10) =>
        store.ClaimAsync(owner, limit, Clock.GetUtcNow(), Clock.GetUtcNow().AddMinutes(2), None);

    [SkippableFact]
    public async Task Add_SameDeliveryTwice_CreatesOne()
    {
        var store = await ArrangeAsync("a");

        var first = await store.Planning.AddAsync([Planned("a", "tg"), Planned("a", "dc")], None);
        var second = await store.Planning.AddAsync([Planned("a", "tg"), Planned("a", "dc")], None);

        Assert.Equal((2, 0), (first, second));
        Assert.Equal(2, (await store.Queries.ListAsync(new DeliveryQuery(), None)).Count);
    }

    [SkippableFact]
    public async Task Claim_TwoArticlesToOneDestination_OnlyTheOlderUntilItIsDone()
    {
        var store = await ArrangeAsync("a", "b");
        await store.Planning.AddAsync([Planned("a", "tg"), Planned("b", "tg"), Planned("b", "dc")], None);

        var first = await ClaimAsync(store);
        var meanwhile = await ClaimAsync(store, "host-b");
        await store.MarkSentAsync(first.Single(c => c.Destination == "tg").Id, "host-a", ["m1"], Clock.GetUtcNow(), None);
        var next = await ClaimAsync(store);

        Assert.Equal([("a", "tg"), ("b", "dc")], first.Select(c => (c.ArticleKey, c.Destination)).Order());
        Assert.Empty(meanwhile);
        Assert.Equal(("b", "tg", 1), (Assert.Single(next).ArticleKey, next[0].Destination, next[0].Attempts));
    }

    [SkippableFact]
    public async Task Claim_EarlierDeliveryRetrying_BlocksTheLaterOne()
    {
        var store = await ArrangeAsync("a", "b");
        await store.Planning.AddAsync([Planned("a", "tg"), Planned("b", "tg")], None);
        var a = Assert.Single(await ClaimAsync(store));

        await store.RescheduleAsync(a.Id, "host-a", Start.AddSeconds(30), "429", [], countAttempt: true, Clock.GetUtcNow(), None);
        var whileWaiting = await ClaimAsync(store);
        var nextDue = await store.Claims.NextDueAsync(new ClaimRequest("host-a", 1, Clock.GetUtcNow(), Clock.GetUtcNow()), None);
        await PassAsync(TimeSpan.FromSeconds(30));
        var retried = await ClaimAsync(store);

        Assert.Empty(whileWaiting);
        // Read back on the caller's clock, whichever clock the store keeps.
        Assert.InRange(nextDue!.Value, Start.AddSeconds(29), Start.AddSeconds(30));
        Assert.Equal(("a", 2), (Assert.Single(retried).ArticleKey, retried[0].Attempts));
    }

    [SkippableFact]
    public async Task Outcomes_NeedTheLease()
    {
        var store = await ArrangeAsync("a");
        await store.Planning.AddAsync([Planned("a", "tg")], None);
        var claimed = Assert.Single(await ClaimAsync(store));

        var stranger = await store.MarkSentAsync(claimed.Id, "host-b", ["x"], Clock.GetUtcNow(), None);
        var owner = await store.MarkSentAsync(claimed.Id, "host-a", ["m1", "m2"], Clock.GetUtcNow(), None);
        var twice = await store.MarkSentAsync(claimed.Id, "host-a", ["y"], Clock.GetUtcNow(), None);

        Assert.Equal((false, true, false), (stranger, owner, twice));
        var row = Assert.Single(await store.Queries.ListAsync(new DeliveryQuery(), None));
        Assert.Equal(DeliveryStatus.Sent, row.Status);
        Assert.Equal(["m1", "m2"], row.RemoteIds);
        Assert.Equal(Start, row.SentAt);
    }

    [SkippableFact]
    public async Task Record_AGroupAtOnce_RecordsOnlyLeasesStillHeld()
    {
        var store = await ArrangeAsync("a");
        await store.Planning.AddAsync([Planned("a", "tg"), Planned("a", "dc")], None);
        var claimed = await ClaimAsync(store);
        await store.Claims.ReleaseAsync("host-a", None);
        var reclaimed = await ClaimAsync(store, "host-b", limit: 1);

        var lost = await store.Outcomes.RecordAsync("host-b", [.. claimed.Select(c => new DeliveryOutcome(c.Id, DeliveryStatus.Sent, [$"m{c.Id}"]))], Clock.GetUtcNow(), None);

        Assert.Equal(claimed.Where(c => c.Id != reclaimed[0].Id).Select(c => c.Id), lost);
        var sent = Assert.Single(await store.Queries.ListAsync(new DeliveryQuery(Status: DeliveryStatus.Sent), None));
        Assert.Equal(reclaimed[0].Id, sent.Id);
        Assert.Equal([$"m{sent.Id}"], sent.RemoteIds);
    }

    [SkippableFact]
    public async Task RemoteIds_AreStoredAsTheJsonArrayTheColumnAlwaysHeld()
    {
        var store = await ArrangeAsync("a");
        await store.Planning.AddAsync([Planned("a", "tg"), Planned("a", "dc")], None);
        var claimed = await ClaimAsync(store);
        string[] ids = ["<20261130.1@news.example>", "رسالة \"أولى\"", "x\\y"];

        await store.Outcomes.RecordAsync("host-a",
        [
            new DeliveryOutcome(claimed[0].Id, DeliveryStatus.Sent, ids),
            new DeliveryOutcome(claimed[1].Id, DeliveryStatus.Failed, [], "rejected"),
        ], Clock.GetUtcNow(), None);

        var (_, _, factory) = await OpenAsync();
        await using var connection = await factory.OpenAsync(None);
        var stored = (await connection.QueryAsync<(long Id, string RemoteIds)>("SELECT id, remote_ids FROM deliveries")).ToDictionary(r => r.Id, r => r.RemoteIds);
        Assert.Equal(@"[""\u003C20261130.1@news.example\u003E"",""\u0631\u0633\u0627\u0644\u0629 \u0022\u0623\u0648\u0644\u0649\u0022"",""x\\y""]", stored[claimed[0].Id]);
        Assert.Equal("[]", stored[claimed[1].Id]);
        var rows = (await store.Queries.ListAsync(new DeliveryQuery(), None)).ToDictionary(r => r.Id);
        Assert.Equal(ids, rows[claimed[0].Id].RemoteIds);
        Assert.Empty(rows[claimed[1].Id].RemoteIds);
    }

    [SkippableFact]
    public async Task ExpiredLease_GoesBackToTheQueueWithTheAttemptCounted()
    {
        var store = await ArrangeAsync("a");
        await store.Planning.AddAsync([Planned("a", "tg")], None);
        var first = Assert.Single(await ClaimAsync(store, "crashed"));

        await PassAsync(TimeSpan.FromMinutes(2));
        var second = Assert.Single(await ClaimAsync(store, "survivor"));
        var late = await store.MarkSentAsync(first.Id, "crashed", ["x"], Clock.GetUtcNow(), None);

        Assert.Equal((first.Id, 2), (second.Id, second.Attempts));
        Assert.False(late);
    }

    [SkippableFact]
    public async Task Release_OnShutdown_GivesTheAttemptBack()
    {
        var store = await ArrangeAsync("a");
        await store.Planning.AddAsync([Planned("a", "tg"), Planned("a", "dc")], None);
        await ClaimAsync(store);

        var released = await store.Claims.ReleaseAsync("host-a", None);

        Assert.Equal(2, released);
        Assert.All(await store.Queries.ListAsync(new DeliveryQuery(), None), r => Assert.Equal((DeliveryStatus.Queued, 0), (r.Status, r.Attempts)));
    }

    [SkippableFact]
    public async Task Reschedule_WithoutCountingTheAttempt_KeepsTheCount()
    {
        var store = await ArrangeAsync("a");
        await store.Planning.AddAsync([Planned("a", "tg")], None);
        var claimed = Assert.Single(await ClaimAsync(store));

        await store.RescheduleAsync(claimed.Id, "host-a", Start.AddSeconds(1), null, ["p1"], countAttempt: false, Clock.GetUtcNow(), None);

        var row = Assert.Single(await store.Queries.ListAsync(new DeliveryQuery(), None));
        Assert.Equal((DeliveryStatus.Queued, 0), (row.Status, row.Attempts));
        await AssertStoredAtAsync(Start.AddSeconds(1), row.NextAttemptAt);
        Assert.Equal(["p1"], row.RemoteIds);
    }

    [SkippableFact]
    public async Task Claim_AfterAnInterruptedAttempt_SaysWhichVersionItsPartsShow()
    {
        var store = await ArrangeAsync("a", "b", "c");
        await store.Planning.AddAsync([Planned("a", "tg"), Planned("b", "dc"), Planned("c", "mail", recipient: "r@example.org")], None);
        var claimed = (await ClaimAsync(store)).ToDictionary(c => c.ArticleKey);

        await store.Outcomes.RecordAsync("host-a",
        [
            new DeliveryOutcome(claimed["a"].Id, DeliveryStatus.Queued, ["p1"], NextAttemptAt: Start, SentVersion: 3, GiveBackAttempt: true),
            new DeliveryOutcome(claimed["b"].Id, DeliveryStatus.Failed, ["q1", "q2"], "429", Start, SentVersion: 4, ShownParts: 0),
            new DeliveryOutcome(claimed["c"].Id, DeliveryStatus.Dead, ["r1"], "gave up", SentVersion: 2),
        ], Clock.GetUtcNow(), None);
        await store.Outcomes.RequeueDeadAsync(null, Clock.GetUtcNow(), None);
        var again = (await ClaimAsync(store)).ToDictionary(c => c.ArticleKey);

        Assert.Equal(["p1"], again["a"].RemoteIds);
        Assert.Equal(3, again["a"].RemoteIdsVersion);
        Assert.Equal(["q1", "q2"], again["b"].RemoteIds);
        Assert.Equal((4, 0), (again["b"].RemoteIdsVersion, again["b"].ShownParts));
        Assert.Null(again["a"].ShownParts);
        Assert.Equal(["r1"], again["c"].RemoteIds);
        Assert.Equal(2, again["c"].RemoteIdsVersion);
        await store.Outcomes.RecordAsync("host-a", [new DeliveryOutcome(again["b"].Id, DeliveryStatus.Queued, ["q1", "q2"], NextAttemptAt: Start)], Clock.GetUtcNow(), None);
        var unknown = Assert.Single(await ClaimAsync(store), c => c.Id == again["b"].Id);
        Assert.Equal((null, null), (unknown.RemoteIdsVersion, unknown.ShownParts));
    }

    [SkippableFact]
    public async Task Pause_SurvivesARestartAndResumeReleasesInOrder()
    {
        var store = await ArrangeAsync("a", "b");
        await store.Planning.AddAsync([Planned("a", "tg")], None);
        Assert.True(await store.Destinations.SetPausedAsync("tg", true, None));
        await store.Planning.AddAsync([Planned("b", "tg")], None);

        var (restarted, _, _) = await OpenAsync();
        var pausedAfterRestart = (await restarted.Destinations.ListAsync(None)).Single(d => d.Name == "tg").Paused;
        var whilePaused = await ClaimAsync(restarted);
        var statuses = (await restarted.Queries.ListAsync(new DeliveryQuery(Destination: "tg"), None)).Select(r => r.Status).ToList();
        await restarted.Destinations.SetPausedAsync("tg", false, None);
        var (again, _, _) = await OpenAsync();
        var afterResume = await ClaimAsync(again);

        Assert.True(pausedAfterRestart);
        Assert.Empty(whilePaused);
        Assert.Equal([DeliveryStatus.Held, DeliveryStatus.Held], statuses);
        Assert.Equal("a", Assert.Single(afterResume).ArticleKey);
        Assert.False(await store.Destinations.SetPausedAsync("nope", true, None));
    }

    [SkippableFact]
    public async Task Disable_KeepsTheReasonAndStopsClaims()
    {
        var store = await ArrangeAsync("a");
        await store.Planning.AddAsync([Planned("a", "tg"), Planned("a", "dc")], None);

        await store.Destinations.SetDisabledAsync("tg", "Forbidden: bot was kicked from the channel chat", None);
        var claimed = await ClaimAsync(store);
        await store.Destinations.SyncAsync([new Destination("tg", ChannelNames.Telegram, "-100", null, DestinationFilter.Everything)], None);

        Assert.Equal("dc", Assert.Single(claimed).Destination);
        var tg = (await store.Destinations.ListAsync(None)).Single(d => d.Name == "tg");
        Assert.Equal((true, "Forbidden: bot was kicked from the channel chat"), (tg.Disabled, tg.DisabledReason));
    }

    [SkippableFact]
    public async Task SetAddress_IsWhatDestinationsReport()
    {
        var store = await ArrangeAsync();

        await store.Destinations.SetAddressAsync("tg", "-1009999", None);

        Assert.Equal("-1009999", (await store.Destinations.ListAsync(None)).Single(d => d.Name == "tg").Address);
    }

    [SkippableFact]
    public async Task FanOut_PagesThroughActiveSubscribersOnceEach()
    {
        var store = await ArrangeAsync("a");
        var (_, _, factory) = await OpenAsync();
        await using (var connection = await factory.OpenAsync(None))
        {
            foreach (var (email, status) in new[] { ("A@example.org", "active"), ("b@example.org", "pending"), ("c@example.org", "active"), ("d@example.org", "active"), ("e@example.org", "unsubscribed"), ("f@example.org", "active") })
            {
                await connection.ExecuteAsync(
                    "INSERT INTO subscribers (list, email, status, created_at, updated_at) VALUES ('mail', @Email, @Status, @Now, @Now)",
                    new { Email = email, Status = status, Now = Start });
            }
        }
        var fanOut = new PlannedFanOut("a", 1, "mail", DeliveryKind.Announce, FanOutSource.ActiveSubscribers);

        var pages = new List<FanOutProgress>();
        var cursor = 0L;
        do
        {
            pages.Add(await store.Planning.FanOutAsync(fanOut, cursor, 2, None));
            cursor = pages[^1].NextCursor;
        }
        while (!pages[^1].Done);
        var again = await store.Planning.FanOutAsync(fanOut, 0, 10, None);

        Assert.Equal([2, 2, 0], pages.Select(p => p.Created));
        Assert.Equal(0, again.Created);
        Assert.Equal(["a@example.org", "c@example.org", "d@example.org", "f@example.org"],
            (await store.Queries.ListAsync(new DeliveryQuery(), None)).Select(r => r.Recipient).Order());
    }

    [SkippableFact]
    public async Task Corrections_FanOutToRecipientsWhoseAnnouncementWasSent()
    {
        var store = await ArrangeAsync("a");
        await store.Planning.AddAsync([Planned("a", "mail", recipient: "x@example.org"), Planned("a", "mail", recipient: "y@example.org")], None);
        var claimed = await ClaimAsync(store);
        await store.MarkSentAsync(claimed.Single(c => c.Recipient == "x@example.org").Id, "host-a", ["1"], Clock.GetUtcNow(), None);
        await store.MarkDeadAsync(claimed.Single(c => c.Recipient == "y@example.org").Id, "host-a", "550", [], Clock.GetUtcNow(), None);

        var progress = await store.Planning.FanOutAsync(new PlannedFanOut("a", 1, "mail", DeliveryKind.Correction, FanOutSource.AnnouncedRecipients), 0, 10, None);

        Assert.Equal((1, true), (progress.Created, progress.Done));
        Assert.Equal("x@example.org", (await store.Queries.ListAsync(new DeliveryQuery(), None)).Single(r => r.Kind == DeliveryKind.Correction).Recipient);
    }

    [SkippableFact]
    public async Task History_CountsOnlyEarlierVersions_PerThread()
    {
        var (store, articles, _) = await OpenAsync();
        await store.Destinations.SyncAsync([new Destination("tg", ChannelNames.Telegram, "-1", null, DestinationFilter.Everything), new Destination("dc", ChannelNames.Discord, "1", null, DestinationFilter.Everything)], None);
        await ImportAsync(articles, "a");
        await ImportAsync(articles, "a", body: "تصحيح");
        await store.Planning.AddAsync([Planned("a", "tg"), Planned("a", "dc")], None);
        var claimed = await ClaimAsync(store);
        await store.MarkSentAsync(claimed.Single(c => c.Destination == "tg").Id, "host-a", ["1"], Clock.GetUtcNow(), None);

        await store.Planning.AddAsync([Planned("a", "dc") with { Generation = 1 }], None);

        var forVersion2 = await store.Planning.GetHistoryAsync("a", 2, None);
        var forVersion1 = await store.Planning.GetHistoryAsync("a", 1, None);

        Assert.Equal(AnnouncementState.Sent, forVersion2.StateOf("tg"));
        Assert.Equal(AnnouncementState.Pending, forVersion2.StateOf("dc"));
        Assert.Equal(AnnouncementState.Pending, forVersion2.StateOf("dc", 1));
        Assert.Equal([0, 1], forVersion2.GenerationsOf("dc"));
        Assert.Empty(forVersion1.GenerationsOf("tg"));
    }

    [SkippableFact]
    public async Task Claim_CarriesWhatItsThreadLastSent()
    {
        var (store, articles, _) = await OpenAsync();
        await store.Destinations.SyncAsync([new Destination("tg", ChannelNames.Telegram, "-1", null, DestinationFilter.Everything)], None);
        await ImportAsync(articles, "a");
        await ImportAsync(articles, "a", body: "تصحيح");
        await store.Planning.AddAsync([Planned("a", "tg")], None);
        var announce = Assert.Single(await ClaimAsync(store));
        await store.MarkSentAsync(announce.Id, "host-a", ["1", "2"], Clock.GetUtcNow(), None, version: 1);
        await store.Planning.AddAsync([Planned("a", "tg", DeliveryKind.Edit, version: 2), Planned("a", "tg", DeliveryKind.Delete, version: 2)], None);
        var edit = Assert.Single(await ClaimAsync(store));
        await store.MarkSentAsync(edit.Id, "host-a", ["1", "2", "3"], Clock.GetUtcNow(), None, version: 2);
        var delete = Assert.Single(await ClaimAsync(store));

        Assert.Null(announce.LastSent);
        Assert.Equal((DeliveryKind.Announce, 1), (edit.LastSent!.Kind, edit.LastSent.Version));
        Assert.Equal(["1", "2"], edit.LastSent.RemoteIds);
        Assert.Equal((DeliveryKind.Edit, 2), (delete.LastSent!.Kind, delete.LastSent.Version));
        Assert.Equal(["1", "2", "3"], delete.LastSent.RemoteIds);
    }

    [SkippableFact]
    public async Task CancelPending_LeavesSentAndDeletes()
    {
        var store = await ArrangeAsync("a");
        await store.Planning.AddAsync([Planned("a", "tg"), Planned("a", "dc")], None);
        var tg = (await ClaimAsync(store, limit: 10)).Single(c => c.Destination == "tg");
        await store.MarkSentAsync(tg.Id, "host-a", ["1"], Clock.GetUtcNow(), None);
        await store.Claims.ReleaseAsync("host-a", None);
        await store.Planning.AddAsync([Planned("a", "tg", DeliveryKind.Delete)], None);

        var cancelled = await store.Planning.CancelPendingAsync("a", "article retracted", None);

        Assert.Equal(1, cancelled);
        var rows = await store.Queries.ListAsync(new DeliveryQuery(ArticleKey: "a"), None);
        Assert.Equal(DeliveryStatus.Cancelled, rows.Single(r => r.Destination == "dc").Status);
        Assert.Equal(DeliveryStatus.Queued, rows.Single(r => r.Kind == DeliveryKind.Delete).Status);
    }

    [SkippableFact]
    public async Task CancelPending_LeavesOneThatWentOutInPartForItsNextAttempt()
    {
        var store = await ArrangeAsync("a");
        await store.Planning.AddAsync([Planned("a", "tg"), Planned("a", "dc")], None);
        var tg = (await ClaimAsync(store, limit: 10)).Single(c => c.Destination == "tg");
        await store.RescheduleAsync(tg.Id, "host-a", Start, null, ["part-1"], countAttempt: false, Clock.GetUtcNow(), None);
        await store.Claims.ReleaseAsync("host-a", None);

        var cancelled = await store.Planning.CancelPendingAsync("a", "article retracted", None);

        Assert.Equal(1, cancelled);
        var rows = await store.Queries.ListAsync(new DeliveryQuery(ArticleKey: "a"), None);
        Assert.Equal(DeliveryStatus.Cancelled, rows.Single(r => r.Destination == "dc").Status);
        Assert.Equal(DeliveryStatus.Queued, rows.Single(r => r.Destination == "tg").Status);
    }

    [SkippableFact]
    public async Task Dead_RequeuedOneOrAll()
    {
        var store = await ArrangeAsync("a");
        await store.Planning.AddAsync([Planned("a", "tg"), Planned("a", "dc")], None);
        foreach (var c in await ClaimAsync(store)) await store.MarkDeadAsync(c.Id, "host-a", "boom", [], Clock.GetUtcNow(), None);
        var dead = await store.Queries.ListAsync(new DeliveryQuery(Status: DeliveryStatus.Dead), None);

        var one = await store.Outcomes.RequeueDeadAsync(dead[0].Id, Clock.GetUtcNow(), None);
        var rest = await store.Outcomes.RequeueDeadAsync(null, Clock.GetUtcNow(), None);

        Assert.Equal((2, 1, 1), (dead.Count, one, rest));
        Assert.All(await store.Queries.ListAsync(new DeliveryQuery(), None), r => Assert.Equal((DeliveryStatus.Queued, 0, "boom"), (r.Status, r.Attempts, r.LastError)));
    }

    [SkippableFact]
    public async Task Unplanned_UntilMarked()
    {
        var (store, articles, _) = await OpenAsync();
        await ImportAsync(articles, "a");
        await ImportAsync(articles, "b");

        var before = await store.Planning.ListUnplannedAsync(10, None);
        await store.Planning.MarkPlannedAsync(new("a", 1), None);
        await store.Planning.MarkPlannedAsync(new("a", 1), None);

        Assert.Equal([new("a", 1), new("b", 1)], before.OrderBy(v => v.ArticleKey));
        Assert.Equal([new ArticleVersionRef("b", 1)], await store.Planning.ListUnplannedAsync(10, None));
    }

    [SkippableFact]
    public async Task Audit_WritesARow()
    {
        var (store, _, factory) = await OpenAsync();

        await store.Audit.AuditAsync("dispatcher", "delivery-dead", "7", "gave up", Start, None);

        await using var connection = await factory.OpenAsync(None);
        var row = await connection.QuerySingleAsync<(string Actor, string Action, string Detail)>("SELECT actor, action, detail FROM audit_log");
        Assert.Equal(("dispatcher", "delivery-dead", "7: gave up"), row);
    }

    [SkippableFact]
    public async Task ConcurrentClaimers_NeverShareADeliveryOrADestination()
    {
        var keys = Enumerable.Range(1, 10).Select(i => $"k{i:D2}").ToArray();
        var store = await ArrangeAsync(keys);
        await store.Planning.AddAsync([.. keys.SelectMany(k => new[] { Planned(k, "tg"), Planned(k, "dc") })], None);
        var hosts = new List<SqlOutbox>();
        for (var i = 0; i < 4; i++) hosts.Add((await OpenAsync()).Deliveries);

        var sent = new List<string>();
        for (var round = 0; round < 30; round++)
        {
            var claims = await Task.WhenAll(hosts.Select((h, i) => ClaimAsync(h, $"host-{i}")));
            var all = claims.SelectMany((c, i) => c.Select(d => (Owner: $"host-{i}", Delivery: d))).ToList();
            Assert.Equal(all.Count, all.Select(a => a.Delivery.Destination).Distinct().Count());
            foreach (var (owner, delivery) in all)
            {
                Assert.True(await hosts[0].MarkSentAsync(delivery.Id, owner, ["x"], Clock.GetUtcNow(), None));
                sent.Add(delivery.Destination + "/" + delivery.ArticleKey);
            }
        }

        Assert.Equal(20, sent.Count);
        foreach (var destination in new[] { "tg", "dc" })
        {
            Assert.Equal(keys, sent.Where(s => s.StartsWith(destination + "/", StringComparison.Ordinal)).Select(s => s.Split('/')[1]));
        }
    }

    [SkippableFact]
    public async Task Recipients_FoundWhileActiveAndBouncedForGood()
    {
        var (_, _, factory) = await OpenAsync();
        await using (var connection = await factory.OpenAsync(None))
        {
            await connection.ExecuteAsync(
                "INSERT INTO subscribers (list, email, name, status, created_at, updated_at) VALUES ('mail', 'Reader@Example.org', 'قارئ', 'active', @Now, @Now)",
                new { Now = Start });
        }
        var directory = new SqlRecipientDirectory(factory, Clock, (list, email) => $"https://example.org/unsubscribe?list={list}&e={email}");

        var found = await directory.FindAsync("mail", "reader@example.org", None);
        await directory.MarkBouncedAsync("mail", "reader@example.org", "550 mailbox unknown", None);
        var afterBounce = await directory.FindAsync("mail", "reader@example.org", None);

        Assert.Equal(("Reader@Example.org", "قارئ"), (found!.Email, found.Name));
        Assert.Equal("https://example.org/unsubscribe?list=mail&e=Reader@Example.org", found.UnsubscribeUrl);
        Assert.Null(afterBounce);
    }

    [SkippableFact]
    public async Task Add_MoreRowsThanOneStatementTakes_KeepsTheirOrderAndSkipsUnknownDestinations()
    {
        var store = await ArrangeAsync("a");
        var planned = Enumerable.Range(0, 2_500).Select(i => Planned("a", "mail", recipient: $"r{2_500 - i:D4}@example.org")).ToList();

        var created = await store.Planning.AddAsync([.. planned, Planned("a", "nowhere"), planned[0]], None);

        Assert.Equal(2_500, created);
        var rows = await store.Queries.ListAsync(new DeliveryQuery(Limit: 5_000), None);
        Assert.Equal(planned.Select(p => p.Recipient), rows.OrderBy(r => r.Id).Select(r => r.Recipient));
        Assert.All(rows, r => Assert.Equal(DeliveryStatus.Queued, r.Status));
        await AssertStoredAtAsync(Start, rows.Min(r => r.NextAttemptAt));
        Assert.Single(rows.Select(r => r.NextAttemptAt).Distinct());
    }

    [SkippableFact]
    public async Task Record_MoreRowsThanOneStatementTakes_RecordsEachOnesRemoteIds()
    {
        var store = await ArrangeAsync("a");
        await store.Planning.AddAsync([.. Enumerable.Range(0, 1_200).Select(i => Planned("a", "mail", recipient: $"r{i:D4}@example.org"))], None);
        var claimed = await ClaimAsync(store, limit: 1_200);
        Clock.Advance(TimeSpan.FromSeconds(3));

        var lost = await store.Outcomes.RecordAsync("host-a", [.. claimed.Select(c => new DeliveryOutcome(c.Id, DeliveryStatus.Sent, [$"m{c.Id}", "x"], SentVersion: 1))], Clock.GetUtcNow(), None);

        Assert.Equal((1_200, 0), (claimed.Count, lost.Count));
        var rows = await store.Queries.ListAsync(new DeliveryQuery(Limit: 5_000), None);
        Assert.Equal(1_200, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal((DeliveryStatus.Sent, Start.AddSeconds(3)), (r.Status, r.SentAt));
            Assert.Equal([$"m{r.Id}", "x"], r.RemoteIds);
        });
    }

    [SkippableFact]
    public async Task Recipients_FindMany_OnlyActiveMembersOfThatList()
    {
        var (_, _, factory) = await OpenAsync();
        await using (var connection = await factory.OpenAsync(None))
        {
            foreach (var (list, email, status) in new[] { ("mail", "Reader@Example.org", "active"), ("mail", "gone@example.org", "unsubscribed"), ("news", "other@example.org", "active") })
            {
                await connection.ExecuteAsync(
                    "INSERT INTO subscribers (list, email, name, status, created_at, updated_at) VALUES (@List, @Email, 'قارئ', @Status, @Now, @Now)",
                    new { List = list, Email = email, Status = status, Now = Start });
            }
        }
        var directory = new SqlRecipientDirectory(factory, Clock);

        var found = await directory.FindManyAsync("mail", ["reader@example.org", "Reader@Example.org", "gone@example.org", "other@example.org"], None);

        Assert.Equal(["Reader@Example.org", "reader@example.org"], found.Keys.Order(StringComparer.Ordinal));
        Assert.All(found.Values, r => Assert.Equal(("Reader@Example.org", "قارئ"), (r.Email, r.Name)));
    }
}
