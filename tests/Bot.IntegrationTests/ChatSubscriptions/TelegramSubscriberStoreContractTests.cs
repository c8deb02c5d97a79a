using Bot.Core.Articles;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Planning;
using Bot.Core.Storage;
using Bot.Core.Subscriptions;
using Bot.IntegrationTests.Support;
using Bot.Storage;
using Bot.Storage.ChatSubscriptions;
using Bot.Storage.Deliveries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.ChatSubscriptions;

/// <summary>What the private-chat subscriber store and its fan-outs must do, written once and run on SQLite and PostgreSQL.</summary>
public abstract class TelegramSubscriberStoreContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string Chats = TelegramSubscriberDestination.Name;
    private ServiceProvider? provider;

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected abstract string Provider { get; }

    private ITelegramSubscriberStore Store => provider!.GetRequiredService<ITelegramSubscriberStore>();

    private SqlOutbox Deliveries => new(provider!.GetRequiredService<IDbConnectionFactory>(), Clock);

    public async Task InitializeAsync()
    {
        SkipUnlessAvailable();
        provider = TestStorage.Open(Provider, await CreateEmptyDatabaseAsync(), Clock, services => services.AddTelegramSubscriberStore());
        await provider.GetRequiredService<IStoreHealth>().MigrateAsync(None);
    }

    public virtual async Task DisposeAsync()
    {
        if (provider is not null) await provider.DisposeAsync();
    }

    protected virtual void SkipUnlessAvailable()
    {
    }

    protected abstract Task<string> CreateEmptyDatabaseAsync();

    [SkippableFact]
    public async Task Subscribe_NewChat_ActiveWithTopicAndTimes()
    {
        var change = await Store.SubscribeAsync(5_000_000_001, 5_000_000_001, "@reader", "غزة", None);

        var row = await Store.GetAsync(5_000_000_001, None);
        Assert.Equal(SubscriberChange.Added, change);
        Assert.Equal((5_000_000_001L, (long?)5_000_000_001, "@reader", "غزة", TelegramSubscriberStatus.Active, (string?)null, Start, Start),
            (row!.ChatId, row.UserId, row.Name, row.Topic, row.Status, row.Reason, row.CreatedAt, row.UpdatedAt));
    }

    [SkippableFact]
    public async Task Subscribe_AgainWithAnotherTopic_ReplacesTheTopic()
    {
        await Store.SubscribeAsync(1001, 1001, "Reader", "sport", None);
        Clock.Advance(TimeSpan.FromMinutes(5));

        var changed = await Store.SubscribeAsync(1001, 1001, null, null, None);
        var same = await Store.SubscribeAsync(1001, 1001, null, null, None);

        var row = await Store.GetAsync(1001, None);
        Assert.Equal((SubscriberChange.Updated, SubscriberChange.Unchanged), (changed, same));
        Assert.Equal(((string?)null, "Reader", Start, Start.AddMinutes(5)), (row!.Topic, row.Name, row.CreatedAt, row.UpdatedAt));
    }

    [SkippableFact]
    public async Task Unsubscribe_ActiveThenAgainThenUnknown_UpdatedUnchangedNotFound()
    {
        await Store.SubscribeAsync(1001, 1001, null, null, None);
        Clock.Advance(TimeSpan.FromMinutes(1));

        var results = (await Store.UnsubscribeAsync(1001, None), await Store.UnsubscribeAsync(1001, None), await Store.UnsubscribeAsync(2002, None));

        Assert.Equal((SubscriberChange.Updated, SubscriberChange.Unchanged, SubscriberChange.NotFound), results);
        var row = await Store.GetAsync(1001, None);
        Assert.Equal((TelegramSubscriberStatus.Unsubscribed, Start.AddMinutes(1)), (row!.Status, row.UpdatedAt));
    }

    [SkippableFact]
    public async Task MarkBlocked_ThenStartAgain_BlockedWithReasonThenActiveWithout()
    {
        await Store.SubscribeAsync(1001, 1001, null, null, None);

        var known = await Store.MarkBlockedAsync(1001, "Telegram 403: Forbidden: bot was blocked by the user", None);
        var unknown = await Store.MarkBlockedAsync(2002, "x", None);
        var blocked = await Store.GetAsync(1001, None);
        await Store.SubscribeAsync(1001, 1001, null, null, None);
        var back = await Store.GetAsync(1001, None);

        Assert.Equal((true, false), (known, unknown));
        Assert.Equal((TelegramSubscriberStatus.Blocked, "Telegram 403: Forbidden: bot was blocked by the user"), (blocked!.Status, blocked.Reason));
        Assert.Equal((TelegramSubscriberStatus.Active, (string?)null), (back!.Status, back.Reason));
    }

    [SkippableFact]
    public async Task Count_ChatsInEachState()
    {
        foreach (var chat in new long[] { 1, 2, 3, 4 }) await Store.SubscribeAsync(chat, chat, null, null, None);
        await Store.UnsubscribeAsync(2, None);
        await Store.MarkBlockedAsync(3, "gone", None);
        await Store.MarkBlockedAsync(4, "gone", None);

        var counts = await Store.CountAsync(None);

        Assert.Equal((1L, 1L, 2L), (counts[TelegramSubscriberStatus.Active], counts[TelegramSubscriberStatus.Unsubscribed], counts[TelegramSubscriberStatus.Blocked]));
    }

    [SkippableFact]
    public async Task FanOut_ChatSubscribers_ActiveChatsWithoutTopicOrWithOneOfTheArticles_PageByPage()
    {
        await ArrangeArticleAsync("k");
        await Store.SubscribeAsync(1001, 1001, null, null, None);
        await Store.SubscribeAsync(1002, 1002, null, "sport", None);
        await Store.SubscribeAsync(1003, 1003, null, "غزة", None);
        await Store.SubscribeAsync(1004, 1004, null, null, None);
        await Store.SubscribeAsync(1005, 1005, null, "politics", None);
        await Store.SubscribeAsync(1006, 1006, null, null, None);
        await Store.UnsubscribeAsync(1004, None);
        await Store.MarkBlockedAsync(1006, "gone", None);
        var fanOut = new PlannedFanOut("k", 1, Chats, DeliveryKind.Announce, FanOutSource.ChatSubscribers) { Topics = ["غزة", "politics"] };

        var first = await Deliveries.Planning.FanOutAsync(fanOut, 0, 2, None);
        var second = await Deliveries.Planning.FanOutAsync(fanOut, first.NextCursor, 2, None);
        var again = await Deliveries.Planning.FanOutAsync(fanOut, 0, 10, None);

        Assert.Equal((2, false), (first.Created, first.Done));
        Assert.Equal((1, true), (second.Created, second.Done));
        Assert.Equal(0, again.Created);
        Assert.Equal(["1001", "1003", "1005"], await RecipientsAsync("k", DeliveryKind.Announce));
    }

    [SkippableFact]
    public async Task FanOut_NoTopics_OnlyChatsWithoutATopic()
    {
        await ArrangeArticleAsync("k");
        await Store.SubscribeAsync(1001, 1001, null, null, None);
        await Store.SubscribeAsync(1002, 1002, null, "sport", None);

        await Deliveries.Planning.FanOutAsync(new PlannedFanOut("k", 1, Chats, DeliveryKind.Announce, FanOutSource.ChatSubscribers), 0, 10, None);

        Assert.Equal(["1001"], await RecipientsAsync("k", DeliveryKind.Announce));
    }

    [SkippableFact]
    public async Task FanOut_AnnouncedChats_EditsStillSubscribedDeletesAlsoStoppedNeverBlocked()
    {
        await ArrangeArticleAsync("k", versions: 3);
        foreach (var chat in new long[] { 1001, 1002, 1003, 1004 }) await Store.SubscribeAsync(chat, chat, null, null, None);
        await Deliveries.Planning.FanOutAsync(new PlannedFanOut("k", 1, Chats, DeliveryKind.Announce, FanOutSource.ChatSubscribers), 0, 10, None);
        await SendAllAsync(except: "1004");
        await Store.UnsubscribeAsync(1002, None);
        await Store.MarkBlockedAsync(1003, "gone", None);

        await Deliveries.Planning.FanOutAsync(new PlannedFanOut("k", 2, Chats, DeliveryKind.Edit, FanOutSource.AnnouncedChats), 0, 10, None);
        await Deliveries.Planning.FanOutAsync(new PlannedFanOut("k", 3, Chats, DeliveryKind.Delete, FanOutSource.AnnouncedChats), 0, 10, None);

        // 1004's announcement is still queued: its edit queues behind it.
        Assert.Equal(["1001", "1004"], await RecipientsAsync("k", DeliveryKind.Edit));
        Assert.Equal(["1001", "1002", "1004"], await RecipientsAsync("k", DeliveryKind.Delete));
    }

    [SkippableFact]
    public async Task Unsubscribe_CancelsQueuedAnnouncementsAndEditsOfThatChatOnly()
    {
        await ArrangeArticleAsync("k", versions: 3);
        await Deliveries.Planning.AddAsync(
        [
            new PlannedDelivery("k", 1, Chats, "1001", DeliveryKind.Announce),
            new PlannedDelivery("k", 2, Chats, "1001", DeliveryKind.Edit),
            new PlannedDelivery("k", 3, Chats, "1001", DeliveryKind.Delete),
            new PlannedDelivery("k", 1, Chats, "1002", DeliveryKind.Announce),
        ], None);
        await Store.SubscribeAsync(1001, 1001, null, null, None);
        await Store.SubscribeAsync(1002, 1002, null, null, None);

        await Store.UnsubscribeAsync(1001, None);

        var rows = await Deliveries.Queries.ListAsync(new DeliveryQuery(Limit: 100), None);
        Assert.Equal(
            [("1001", DeliveryKind.Announce, DeliveryStatus.Cancelled), ("1001", DeliveryKind.Edit, DeliveryStatus.Cancelled),
             ("1001", DeliveryKind.Delete, DeliveryStatus.Queued), ("1002", DeliveryKind.Announce, DeliveryStatus.Queued)],
            rows.Select(r => (r.Recipient, r.Kind, r.Status)).OrderBy(r => r.Recipient).ThenBy(r => r.Kind));
    }

    [SkippableFact]
    public async Task MarkBlocked_CancelsEverythingQueuedForThatChat()
    {
        await ArrangeArticleAsync("k", versions: 3);
        await Deliveries.Planning.AddAsync(
        [
            new PlannedDelivery("k", 2, Chats, "1001", DeliveryKind.Edit),
            new PlannedDelivery("k", 3, Chats, "1001", DeliveryKind.Delete),
            new PlannedDelivery("k", 1, Chats, "1002", DeliveryKind.Announce),
        ], None);
        await Store.SubscribeAsync(1001, 1001, null, null, None);

        await Store.MarkBlockedAsync(1001, "Telegram 403: Forbidden: user is deactivated", None);

        var rows = await Deliveries.Queries.ListAsync(new DeliveryQuery(Limit: 100), None);
        Assert.Equal(
            [("1001", DeliveryStatus.Cancelled), ("1001", DeliveryStatus.Cancelled), ("1002", DeliveryStatus.Queued)],
            rows.Select(r => (r.Recipient, r.Status)).Order());
    }

    private async Task ArrangeArticleAsync(string key, int versions = 1)
    {
        await Deliveries.Destinations.SyncAsync([TelegramSubscriberDestination.Create()], None);
        var articles = provider!.GetRequiredService<IArticleStore>();
        for (var version = 1; version <= versions; version++)
        {
            await articles.ImportAsync(new Article { Key = key, Title = "عنوان " + key, Paragraphs = ["نص " + version], Language = "ar", Received = Start }, None);
        }
    }

    private async Task<string[]> RecipientsAsync(string key, DeliveryKind kind) =>
        [.. (await Deliveries.Queries.ListAsync(new DeliveryQuery(Limit: 100), None))
            .Where(r => r.ArticleKey == key && r.Kind == kind).Select(r => r.Recipient).Order(StringComparer.Ordinal)];

    private async Task SendAllAsync(string except)
    {
        var claimed = await Deliveries.ClaimAsync("host", 100, Clock.GetUtcNow(), Clock.GetUtcNow().AddMinutes(1), None);
        foreach (var delivery in claimed.Where(d => d.Recipient != except))
        {
            await Deliveries.MarkSentAsync(delivery.Id, "host", ["7"], Clock.GetUtcNow(), None);
        }

        await Deliveries.Claims.ReleaseAsync("host", None);
    }
}
