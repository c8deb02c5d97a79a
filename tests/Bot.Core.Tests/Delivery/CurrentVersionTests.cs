using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Republishing;
using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.Delivery;

/// <summary>Whatever puts a delivery back in the queue sends the article as it is now, and nothing once it is retracted.</summary>
public sealed class CurrentVersionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<DispatchHarness> DeadAnnouncementAsync()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1, body: "first"));
        h.Telegram.Then(new SendOutcome.Rejected([], "Bad Request: chat not writable", TargetGone: false));
        await h.DrainAsync();
        Assert.Equal(DeliveryStatus.Dead, h.Single("tg", DeliveryKind.Announce, version: 1).Status);
        return h;
    }

    [Fact]
    public async Task RetryDead_AfterACorrection_SendsTheCorrectedVersionOnce()
    {
        var h = await DeadAnnouncementAsync();
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2, body: "corrected"));
        await h.DrainAsync();
        var callsBeforeRetry = h.Telegram.Calls.Count;

        await h.Store.RequeueDeadAsync(null, h.Clock.GetUtcNow(), None);
        await h.DrainAsync();

        // The planner announced v2 once the v1 announcement was dead; the retried v1 then finds v2 already out.
        var sends = h.Telegram.Calls.Where(c => c.Action == "send").ToList();
        Assert.Equal(2, sends.Count);
        Assert.Equal(callsBeforeRetry, h.Telegram.Calls.Count);
        Assert.EndsWith(" v2", ((TelegramMessage)sends[1].Message!).Parts[0].Html);
        var retried = h.Single("tg", DeliveryKind.Announce, version: 1);
        Assert.Equal((DeliveryStatus.Cancelled, "already shows version 2"), (retried.Status, retried.LastError));
    }

    [Fact]
    public async Task RetryDead_AfterACorrectionThatWasNotAnnounced_SendsTheCurrentVersion()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1, body: "first"));
        h.Telegram.Then(new SendOutcome.Rejected([], "Bad Request: chat not writable", TargetGone: false));
        await h.DrainAsync();
        // A new version stored while the destination's announcement is dead, but not planned yet.
        h.Articles.Put(TestArticles.Make(key: "k", version: 2, body: "corrected"));

        await h.Store.RequeueDeadAsync(null, h.Clock.GetUtcNow(), None);
        await h.DrainAsync();

        var send = h.Telegram.Calls.Last();
        Assert.Equal("send", send.Action);
        Assert.EndsWith(" v2", ((TelegramMessage)send.Message!).Parts[0].Html);
        Assert.Equal(2, h.Store.SentVersionOf(h.Single("tg", DeliveryKind.Announce, version: 1).Id));
    }

    [Fact]
    public async Task RetryDead_AfterARetraction_SendsNothingAndSaysWhy()
    {
        var h = await DeadAnnouncementAsync();
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2, retracted: true));
        await h.DrainAsync();
        var calls = h.Telegram.Calls.Count;

        await h.Store.RequeueDeadAsync(null, h.Clock.GetUtcNow(), None);
        await h.DrainAsync();

        Assert.Equal(calls, h.Telegram.Calls.Count);
        var retried = h.Single("tg", DeliveryKind.Announce, version: 1);
        Assert.Equal((DeliveryStatus.Cancelled, "article retracted"), (retried.Status, retried.LastError));
    }

    /// <summary>An announcement whose first part went out and whose next part the chat's budget held back.</summary>
    private static async Task<DispatchHarness> CutShortAnnouncementAsync()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1, body: "first"));
        h.Telegram.Then(new SendOutcome.Paced(["part-1"], h.Clock.GetUtcNow().AddSeconds(1)));
        await h.DrainAsync();
        var announce = h.Single("tg", DeliveryKind.Announce, version: 1);
        Assert.Equal((DeliveryStatus.Queued, 1), (announce.Status, h.Store.SentVersionOf(announce.Id)));
        Assert.Equal(["part-1"], announce.RemoteIds);
        return h;
    }

    [Fact]
    public async Task Retry_OfAMessageCutShort_SendsOnlyTheMissingParts()
    {
        var h = await CutShortAnnouncementAsync();

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.DrainAsync();

        var calls = h.Telegram.Calls;
        Assert.Equal(["send", "send"], calls.Select(c => c.Action));
        Assert.Equal(["part-1"], calls[1].Ids);
        Assert.EndsWith(" v1", ((TelegramMessage)calls[1].Message!).Parts[0].Html);
        Assert.Equal(DeliveryStatus.Sent, h.Single("tg", DeliveryKind.Announce, version: 1).Status);
    }

    [Fact]
    public async Task Retry_OfAMessageCutShortBeforeACorrection_DeletesTheSentPartsAndSendsTheCorrectionWhole()
    {
        var h = await CutShortAnnouncementAsync();
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2, body: "corrected"));

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.DrainAsync();

        // Sending only the missing parts of v2 would leave the first part showing v1 for good: the v2 edit finds v2 shown.
        var calls = h.Telegram.Calls;
        Assert.Equal(["send", "delete", "send"], calls.Select(c => c.Action));
        Assert.Equal(["part-1"], calls[1].Ids);
        Assert.Empty(calls[2].Ids);
        Assert.EndsWith(" v2", ((TelegramMessage)calls[2].Message!).Parts[0].Html);
        var announce = h.Single("tg", DeliveryKind.Announce, version: 1);
        Assert.Equal((DeliveryStatus.Sent, 2), (announce.Status, h.Store.SentVersionOf(announce.Id)));
        var edit = h.Single("tg", DeliveryKind.Edit, version: 2);
        Assert.Equal((DeliveryStatus.Cancelled, "already shows version 2"), (edit.Status, edit.LastError));
    }

    [Fact]
    public async Task Retraction_OfAMessageCutShort_DeletesTheSentParts()
    {
        var h = await CutShortAnnouncementAsync();
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2, retracted: true));

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.DrainAsync();

        var calls = h.Telegram.Calls;
        Assert.Equal(["send", "delete"], calls.Select(c => c.Action));
        Assert.Equal(["part-1"], calls[1].Ids);
        var announce = h.Single("tg", DeliveryKind.Announce, version: 1);
        Assert.Equal((DeliveryStatus.Cancelled, "article retracted"), (announce.Status, announce.LastError));
        Assert.Empty(announce.RemoteIds);
        Assert.Equal(DeliveryStatus.Cancelled, h.Single("tg", DeliveryKind.Delete, version: 2).Status);
    }

    /// <summary>An announcement sent whole, then its correction planned: the harness and the announced message ids.</summary>
    private static async Task<(DispatchHarness H, IReadOnlyList<string> Sent)> AnnouncedThenCorrectedAsync(string body, string corrected)
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1, body: body));
        await h.DrainAsync();
        var sent = h.Single("tg", DeliveryKind.Announce, version: 1).RemoteIds;
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2, body: corrected));
        return (h, sent);
    }

    [Fact]
    public async Task Retry_OfAnEditThatStoppedHalfWay_EditsEveryMessageItLeft()
    {
        var (h, sent) = await AnnouncedThenCorrectedAsync("first", "longer");
        // The edit added a part, then a 429 stopped it before it was done: the thread now has one message more.
        h.Telegram.Then(new SendOutcome.RetryLater([.. sent, "added"], TimeSpan.FromSeconds(1), "429"));
        await h.DrainAsync();

        h.Clock.Advance(TimeSpan.FromSeconds(5));
        await h.DrainAsync();

        var retried = h.Telegram.Calls[^1];
        Assert.Equal("edit", retried.Action);
        Assert.Equal([.. sent, "added"], retried.Ids);
        Assert.Equal(DeliveryStatus.Sent, h.Single("tg", DeliveryKind.Edit, version: 2).Status);
    }

    [Fact]
    public async Task Retry_OfAnEditHeldBackAfterItsFirstMessage_EditsOnlyTheRest()
    {
        var (h, sent) = await AnnouncedThenCorrectedAsync("lead\n\nsecond\n\nthird", "lead\n\nsecond, corrected\n\nthird, corrected");
        Assert.Equal(3, sent.Count);
        // The chat's budget had room for the first edit only.
        h.Telegram.Then(new SendOutcome.Paced(sent, h.Clock.GetUtcNow().AddSeconds(1)) { Edited = 1 });
        await h.DrainAsync();

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.DrainAsync();

        // Editing the first message again at every attempt would spend the budget on it and never reach the others.
        var retried = h.Telegram.Calls[^1];
        Assert.Equal("edit", retried.Action);
        Assert.Equal(sent.Skip(1), retried.Ids);
        Assert.Equal(["second, corrected", "third, corrected"], ((TelegramMessage)retried.Message!).Parts.Select(p => p.Html));
        var edit = h.Single("tg", DeliveryKind.Edit, version: 2);
        Assert.Equal(DeliveryStatus.Sent, edit.Status);
        Assert.Equal(sent, edit.RemoteIds);
    }

    [Fact]
    public async Task Resume_AfterACorrectionWhilePaused_SendsTheCurrentVersionOnce()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.Store.SetPausedAsync("tg", true, None);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1));
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2));
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 3));

        await h.Store.SetPausedAsync("tg", false, None);
        await h.DrainAsync();

        var send = Assert.Single(h.Telegram.Calls);
        Assert.EndsWith(" v3", ((TelegramMessage)send.Message!).Parts[0].Html);
        Assert.All(h.Store.All.Where(r => r.Kind == DeliveryKind.Edit), e => Assert.Equal((DeliveryStatus.Cancelled, "already shows version 3"), (e.Status, e.LastError)));
    }

    [Fact]
    public async Task Publish_ThenCorrection_EditsTheOriginalAndEveryCopy()
    {
        var h = new DispatchHarness([DispatchHarness.Tg(), DispatchHarness.Dc()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1));
        await h.DrainAsync();
        Assert.IsType<RepublishResult.Queued>(await h.Republisher.RepublishAsync("k", "telegram:42", None));
        await h.DrainAsync();
        h.Clock.Advance(ArticleRepublisher.DoubleTapWindow);
        Assert.IsType<RepublishResult.Queued>(await h.Republisher.RepublishAsync("k", "telegram:42", None));
        await h.DrainAsync();
        var messages = h.Store.All.Where(r => r.Destination == "tg" && r.Kind == DeliveryKind.Announce).Select(r => r.RemoteIds.Single()).ToList();

        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2, body: "corrected"));
        await h.DrainAsync();

        Assert.Equal(3, messages.Distinct().Count());
        var edits = h.Telegram.Calls.Where(c => c.Action == "edit").ToList();
        Assert.Equal(messages.Order(), edits.Select(e => e.Ids.Single()).Order());
        Assert.All(edits, e => Assert.EndsWith(" v2", ((TelegramMessage)e.Message!).Parts[0].Html));
        Assert.Equal(3, h.Discord.Calls.Count(c => c.Action == "edit"));
    }

    [Fact]
    public async Task Publish_ThenRetraction_DeletesTheOriginalAndEveryCopy()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1));
        await h.DrainAsync();
        await h.Republisher.RepublishAsync("k", "telegram:42", None);
        await h.DrainAsync();
        var messages = h.Store.All.Where(r => r.Kind == DeliveryKind.Announce).Select(r => r.RemoteIds.Single()).Order().ToList();

        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2, retracted: true));
        await h.DrainAsync();

        var deletes = h.Telegram.Calls.Where(c => c.Action == "delete").ToList();
        Assert.Equal(messages, deletes.Select(d => d.Ids.Single()).Order());
        Assert.Equal(2, messages.Count);
    }

    [Fact]
    public async Task Unretracted_AfterTheDeleteWentOut_AnnouncesAgainInsteadOfEditingDeletedMessages()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1));
        await h.DrainAsync();
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2, retracted: true));
        await h.DrainAsync();

        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 3, body: "restored"));
        await h.DrainAsync();

        Assert.Equal(["send", "delete", "send"], h.Telegram.Calls.Select(c => c.Action));
        Assert.EndsWith(" v3", ((TelegramMessage)h.Telegram.Calls[2].Message!).Parts[0].Html);
    }

    [Fact]
    public async Task Retraction_BeforeAQueuedDeleteWentOutThenUndone_CancelsTheDeleteAndEditsInPlace()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1));
        await h.DrainAsync();
        await h.Store.SetPausedAsync("tg", true, None);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2, retracted: true));
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 3, body: "restored"));

        await h.Store.SetPausedAsync("tg", false, None);
        await h.DrainAsync();

        Assert.Equal(["send", "edit"], h.Telegram.Calls.Select(c => c.Action));
        var delete = h.Single("tg", DeliveryKind.Delete);
        Assert.Equal((DeliveryStatus.Cancelled, "the article is no longer retracted"), (delete.Status, delete.LastError));
    }
}
