using Bot.Core.Channels;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Planning;
using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.Delivery;

/// <summary>The private-chat subscribers as one destination: planned per chat with each chat's topic, edited, deleted, and a blocked chat dropped alone.</summary>
public sealed class TelegramSubscriberDeliveryTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly AnnouncementHistory Nothing = AnnouncementHistory.Empty;
    private static readonly Destination Chats = TelegramSubscriberDestination.Create().Traited();

    [Fact]
    public void Plan_NewArticle_FansOutToSubscribersWithTheArticleTopics()
    {
        var planner = new DeliveryPlanner([Chats, DispatchHarness.Tg()]);

        var plan = planner.Plan(TestArticles.Make(key: "k", tags: ["Gaza", "Al-Quds"], category: "Politics"), Nothing);

        var fanOut = Assert.Single(plan.FanOuts);
        Assert.Equal(new PlannedFanOut("k", 1, TelegramSubscriberDestination.Name, DeliveryKind.Announce, FanOutSource.ChatSubscribers), fanOut with { Topics = [] });
        Assert.Equal(["gaza", "al-quds", "politics"], fanOut.Topics);
        Assert.Equal([new PlannedDelivery("k", 1, "tg", "", DeliveryKind.Announce)], plan.Deliveries);
    }

    [Theory]
    [InlineData(AnnouncementState.Sent)]
    [InlineData(AnnouncementState.Pending)]
    public void Plan_NewVersionOfAnnouncedArticle_EditsInTheChatsThatHaveIt(AnnouncementState state)
    {
        var planner = new DeliveryPlanner([Chats]);

        var plan = planner.Plan(TestArticles.Make(key: "k", version: 2), AnnouncementHistory.Of(new Dictionary<string, AnnouncementState> { [Chats.Name] = state }));

        Assert.Equal([new PlannedFanOut("k", 2, Chats.Name, DeliveryKind.Edit, FanOutSource.AnnouncedChats)], plan.FanOuts);
        Assert.Empty(plan.Deliveries);
    }

    [Fact]
    public void Plan_Retraction_DeletesInTheChatsThatHaveIt()
    {
        var planner = new DeliveryPlanner([Chats]);

        var plan = planner.Plan(TestArticles.Make(key: "k", version: 3, retracted: true), AnnouncementHistory.Of(new Dictionary<string, AnnouncementState> { [Chats.Name] = AnnouncementState.Sent }));

        Assert.Equal([new PlannedFanOut("k", 3, Chats.Name, DeliveryKind.Delete, FanOutSource.AnnouncedChats)], plan.FanOuts);
        Assert.True(plan.CancelPending);
    }

    [Fact]
    public void Plan_RetractionNeverAnnounced_NoFanOut()
    {
        var plan = new DeliveryPlanner([Chats]).Plan(TestArticles.Make(retracted: true), Nothing);

        Assert.Empty(plan.FanOuts);
    }

    [Fact]
    public async Task Dispatch_TopicsOfChats_EachMatchingChatGetsItOnceAtItsOwnId()
    {
        var h = new DispatchHarness([Chats]);
        await h.Chats.SubscribeAsync(1001, 1001, "@all", null, None);
        await h.Chats.SubscribeAsync(1002, 1002, null, "sport", None);
        await h.Chats.SubscribeAsync(1003, 1003, null, "gaza", None);
        await h.Chats.SubscribeAsync(1004, 1004, null, null, None);
        await h.Chats.UnsubscribeAsync(1004, None);

        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", tags: ["Gaza"]));
        await h.DrainAsync();

        var sends = h.Telegram.Calls.Where(c => c.Action == "send").ToList();
        Assert.Equal(["1001", "1003"], sends.Select(c => c.Target.Address).Order());
        Assert.All(sends, c => Assert.Equal(Chats.Name, c.Target.Destination));
        Assert.Equal(["1001", "1003"], h.Store.All.Select(r => r.Recipient).Order());
    }

    [Fact]
    public async Task Dispatch_ChatBlockedAfterPlanning_GetsNothingAndTheOthersStillDo()
    {
        var h = new DispatchHarness([Chats]);
        await h.Chats.SubscribeAsync(1001, 1001, null, null, None);
        await h.Chats.SubscribeAsync(1002, 1002, null, null, None);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k"));

        await h.Chats.MarkBlockedAsync(1002, "Forbidden: bot was blocked by the user", None);
        await h.DrainAsync();

        Assert.Equal(["1001"], h.Telegram.Calls.Select(c => c.Target.Address));
        var blocked = h.Store.All.Single(r => r.Recipient == "1002");
        Assert.Equal((DeliveryStatus.Cancelled, "the reader blocked the bot"), (blocked.Status, blocked.LastError));
    }

    [Fact]
    public async Task Dispatch_CorrectionThenRetraction_EditsThenDeletesInEveryChatThatGotIt()
    {
        var h = new DispatchHarness([Chats]);
        await h.Chats.SubscribeAsync(1001, 1001, null, null, None);
        await h.Chats.SubscribeAsync(1002, 1002, null, null, None);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1));
        await h.DrainAsync();
        await h.Chats.SubscribeAsync(1003, 1003, null, null, None);

        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2, title: "corrected"));
        await h.DrainAsync();
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 3, retracted: true));
        await h.DrainAsync();

        var calls = h.Telegram.Calls;
        Assert.Equal(["1001", "1002"], calls.Where(c => c.Action == "edit").Select(c => c.Target.Address).Order());
        Assert.Equal(["1001", "1002"], calls.Where(c => c.Action == "delete").Select(c => c.Target.Address).Order());
        Assert.DoesNotContain(calls, c => c.Target.Address == "1003");
    }

    [Fact]
    public async Task Dispatch_ChatBlockedTheBot_OnlyThatChatIsDroppedAndTheDestinationKeepsGoing()
    {
        var h = new DispatchHarness([Chats]);
        await h.Chats.SubscribeAsync(1001, 1001, null, null, None);
        await h.Chats.SubscribeAsync(1002, 1002, null, null, None);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "one"));
        h.Telegram.Then(c => c.Target.Address == "1001"
            ? new SendOutcome.Rejected([], "Telegram 403: Forbidden: bot was blocked by the user", TargetGone: true)
            : new SendOutcome.Sent(["1"]));
        h.Telegram.Then(c => c.Target.Address == "1001"
            ? new SendOutcome.Rejected([], "Telegram 403: Forbidden: bot was blocked by the user", TargetGone: true)
            : new SendOutcome.Sent(["1"]));

        await h.DrainAsync();
        await h.ImportAndPlanAsync(TestArticles.Make(key: "two"));
        await h.DrainAsync();

        var blocked = await h.Chats.GetAsync(1001, None);
        Assert.Equal((TelegramSubscriberStatus.Blocked, "Telegram 403: Forbidden: bot was blocked by the user"), (blocked!.Status, blocked.Reason));
        Assert.False(h.Store.Destinations.Single().Disabled);
        Assert.Contains(h.Store.Audit, a => a.Action == "subscriber-blocked" && a.Subject == "1001");
        Assert.DoesNotContain(h.Store.Audit, a => a.Action == "destination-disabled");
        Assert.Equal(DeliveryStatus.Dead, h.Store.All.Single(r => r.ArticleKey == "one" && r.Recipient == "1001").Status);
        Assert.DoesNotContain(h.Store.All, r => r.ArticleKey == "two" && r.Recipient == "1001");
        Assert.Equal(["one", "two"], h.Store.All.Where(r => r.Recipient == "1002" && r.Status == DeliveryStatus.Sent).Select(r => r.ArticleKey).Order());
        Assert.Equal(3, h.Telegram.Calls.Count);
    }
}
