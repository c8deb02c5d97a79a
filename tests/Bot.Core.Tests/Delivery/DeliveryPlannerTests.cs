using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Planning;
using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.Delivery;

public sealed class DeliveryPlannerTests
{
    private static Destination Dest(string name, string channel, string filter = "", bool corrections = false)
    {
        Assert.True(DestinationFilterParser.TryParse(filter, out var f, out _));
        return new Destination(name, channel, channel == ChannelNames.Email ? "" : "1", null, f) { SendCorrections = corrections }.Traited();
    }

    private static readonly Destination[] All =
    [
        Dest("tg", ChannelNames.Telegram),
        Dest("tg-gaza", ChannelNames.Telegram, "tag:gaza"),
        Dest("dc", ChannelNames.Discord, "language:ar"),
        Dest("mail", ChannelNames.Email),
        Dest("mail-fix", ChannelNames.Email, corrections: true),
    ];

    private static readonly AnnouncementHistory Nothing = AnnouncementHistory.Empty;

    [Fact]
    public void Plan_NewArticle_AnnouncesWhereTheFilterMatches()
    {
        var planner = new DeliveryPlanner(All);

        var plan = planner.Plan(TestArticles.Make(key: "k", version: 1, tags: ["sport"]), Nothing);

        Assert.Equal(
            [new("k", 1, "tg", "", DeliveryKind.Announce), new("k", 1, "dc", "", DeliveryKind.Announce)],
            plan.Deliveries);
        Assert.Equal(
            [new("k", 1, "mail", DeliveryKind.Announce, FanOutSource.ActiveSubscribers), new("k", 1, "mail-fix", DeliveryKind.Announce, FanOutSource.ActiveSubscribers)],
            plan.FanOuts);
        Assert.False(plan.CancelPending);
    }

    [Fact]
    public void Plan_FilterMismatchNeverAnnounced_PlansNothing()
    {
        var planner = new DeliveryPlanner([Dest("tg-gaza", ChannelNames.Telegram, "tag:gaza")]);

        var plan = planner.Plan(TestArticles.Make(version: 2, tags: ["sport"]), Nothing);

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Plan_SameInputsTwice_GivesTheSamePlan()
    {
        var planner = new DeliveryPlanner(All);
        var article = TestArticles.Make(tags: ["gaza"]);

        var first = planner.Plan(article, Nothing);
        var second = planner.Plan(article, Nothing);

        Assert.Equal(first.Deliveries, second.Deliveries);
        Assert.Equal(first.FanOuts, second.FanOuts);
    }

    [Fact]
    public void Plan_NewVersionOfAnnouncedArticle_EditsChatsAndCorrectsOnlyListsThatAsk()
    {
        var planner = new DeliveryPlanner(All);
        var history = All.ToDictionary(d => d.Name, _ => AnnouncementState.Sent);

        var plan = planner.Plan(TestArticles.Make(key: "k", version: 2, tags: ["gaza"]), AnnouncementHistory.Of(history));

        Assert.Equal(
            [new("k", 2, "tg", "", DeliveryKind.Edit), new("k", 2, "tg-gaza", "", DeliveryKind.Edit), new("k", 2, "dc", "", DeliveryKind.Edit)],
            plan.Deliveries);
        Assert.Equal([new PlannedFanOut("k", 2, "mail-fix", DeliveryKind.Correction, FanOutSource.AnnouncedRecipients)], plan.FanOuts);
    }

    [Fact]
    public void Plan_NewVersionThatNoLongerMatches_StillEditsTheSentMessage()
    {
        var planner = new DeliveryPlanner([Dest("tg-gaza", ChannelNames.Telegram, "tag:gaza")]);

        var plan = planner.Plan(TestArticles.Make(version: 2, tags: []), AnnouncementHistory.Of(new Dictionary<string, AnnouncementState> { ["tg-gaza"] = AnnouncementState.Sent }));

        Assert.Equal(DeliveryKind.Edit, Assert.Single(plan.Deliveries).Kind);
    }

    [Fact]
    public void Plan_NewVersionWhileAnnouncementPending_QueuesAnEditBehindIt()
    {
        var planner = new DeliveryPlanner([Dest("tg", ChannelNames.Telegram), Dest("mail-fix", ChannelNames.Email, corrections: true)]);
        var history = new Dictionary<string, AnnouncementState> { ["tg"] = AnnouncementState.Pending, ["mail-fix"] = AnnouncementState.Pending };

        var plan = planner.Plan(TestArticles.Make(version: 2), AnnouncementHistory.Of(history));

        Assert.Equal(DeliveryKind.Edit, Assert.Single(plan.Deliveries).Kind);
        Assert.Empty(plan.FanOuts);
    }

    [Fact]
    public void Plan_NewVersionNowMatchingAFilter_AnnouncesIt()
    {
        var planner = new DeliveryPlanner([Dest("tg-gaza", ChannelNames.Telegram, "tag:gaza")]);

        var plan = planner.Plan(TestArticles.Make(key: "k", version: 3, tags: ["gaza"]), Nothing);

        Assert.Equal([new PlannedDelivery("k", 3, "tg-gaza", "", DeliveryKind.Announce)], plan.Deliveries);
    }

    [Fact]
    public void Plan_Retraction_DeletesAnnouncedChatsAndCancelsPending()
    {
        var planner = new DeliveryPlanner(All);
        var history = new Dictionary<string, AnnouncementState>
        {
            ["tg"] = AnnouncementState.Sent,
            ["dc"] = AnnouncementState.Pending,
            ["mail-fix"] = AnnouncementState.Sent,
        };

        var plan = planner.Plan(TestArticles.Make(key: "k", version: 4, retracted: true), AnnouncementHistory.Of(history));

        Assert.Equal([new("k", 4, "tg", "", DeliveryKind.Delete), new("k", 4, "dc", "", DeliveryKind.Delete)], plan.Deliveries);
        Assert.Empty(plan.FanOuts);
        Assert.True(plan.CancelPending);
    }

    [Fact]
    public void Plan_RetractionOfNeverAnnouncedArticle_OnlyCancels()
    {
        var planner = new DeliveryPlanner(All);

        var plan = planner.Plan(TestArticles.Make(retracted: true), Nothing);

        Assert.Empty(plan.Deliveries);
        Assert.Empty(plan.FanOuts);
        Assert.True(plan.CancelPending);
    }

    [Fact]
    public void Plan_RunawayPattern_IsReportedAndNotAnnounced()
    {
        var planner = new DeliveryPlanner([new Destination("slow", ChannelNames.Telegram, "1", null, new DestinationFilter([], [], [], "^(a+)+$")).Traited()],
            TimeSpan.FromMilliseconds(1));

        var plan = planner.Plan(TestArticles.Make(title: new string('a', 40) + "!"), Nothing);

        Assert.Empty(plan.Deliveries);
        Assert.Equal(["slow"], plan.PatternTimeouts);
    }

    [Fact]
    public void FanOutBatch_Pages_AdvanceTheCursorAndStopOnAShortPage()
    {
        var fanOut = new PlannedFanOut("k", 1, "mail", DeliveryKind.Announce, FanOutSource.ActiveSubscribers);

        var full = FanOutBatch.From(fanOut, 0, [new(3, "A@Example.com"), new(9, "b@example.com")], pageSize: 2);
        var last = FanOutBatch.From(fanOut, full.NextCursor, [new(12, "c@example.com")], pageSize: 2);
        var empty = FanOutBatch.From(fanOut, last.NextCursor, [], pageSize: 2);

        Assert.Equal([new("k", 1, "mail", "a@example.com", DeliveryKind.Announce), new("k", 1, "mail", "b@example.com", DeliveryKind.Announce)], full.Deliveries);
        Assert.Equal((9L, false), (full.NextCursor, full.Done));
        Assert.Equal((12L, true), (last.NextCursor, last.Done));
        Assert.Equal((12L, true), (empty.NextCursor, empty.Done));
    }

    [Fact]
    public void FanOutBatch_OutOfOrderPage_IsABug() =>
        Assert.Throws<ArgumentException>(() => FanOutBatch.From(
            new PlannedFanOut("k", 1, "mail", DeliveryKind.Announce, FanOutSource.ActiveSubscribers), 5, [new(4, "a@b.c")], 10));
}
