using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Outcomes;
using Bot.Core.Delivery.Pacing;
using Bot.Core.Delivery.Claiming;
using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.Delivery;

public sealed class DeliveryDispatcherTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task NewArticle_ToEveryChannel_IsSentOnceEach()
    {
        var h = new DispatchHarness([DispatchHarness.Tg(), DispatchHarness.Dc(), DispatchHarness.Mail()]);
        h.Recipients.Add("mail", "a@example.org", "B@example.org", "c@example.org");

        var created = await h.ImportAndPlanAsync(TestArticles.Make(key: "k"));
        var processed = await h.DrainAsync();

        Assert.Equal(5, created);
        Assert.Equal(5, processed);
        Assert.All(h.Store.All, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal("-100", Assert.Single(h.Telegram.Calls).Target.Address);
        Assert.Equal("42", Assert.Single(h.Discord.Calls).Target.Address);
        Assert.Equal(["a@example.org", "b@example.org", "c@example.org"], h.Email.Calls.Select(c => c.Target.Address).Order());
        Assert.Equal("B@example.org", h.Email.Calls.Select(c => ((EmailMessage)c.Message!).To).Single(t => t.StartsWith('B')));
        Assert.Equal(new DeliveryReference(1, "k", 1, DeliveryKind.Announce), h.Telegram.Calls[0].Target.Reference);
    }

    [Fact]
    public async Task Planning_Repeated_CreatesNothingMore()
    {
        var h = new DispatchHarness([DispatchHarness.Tg(), DispatchHarness.Mail()]);
        h.Recipients.Add("mail", "a@example.org", "b@example.org", "c@example.org");
        var article = TestArticles.Make(key: "k");
        await h.ImportAndPlanAsync(article);

        var again = await h.PlanAsync("k", 1);
        h.Store.MarkImported("k", 1);
        var onceMore = await h.Planning.RunAsync(None);

        Assert.Equal(0, again);
        Assert.Equal(0, onceMore);
        Assert.Equal(4, h.Store.All.Count);
    }

    [Fact]
    public async Task Planning_NewVersionRepeated_KeepsOneEdit()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1));
        await h.DrainAsync();
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2));

        var again = await h.PlanAsync("k", 2);

        Assert.Equal(0, again);
        Assert.Equal([DeliveryKind.Announce, DeliveryKind.Edit], h.Store.All.Select(r => r.Kind));
    }

    [Fact]
    public async Task ManyArticles_InParallel_KeepEachDestinationsOrder()
    {
        var destinations = new[] { DispatchHarness.Tg("t1", "-1"), DispatchHarness.Tg("t2", "-2"), DispatchHarness.Dc("d1", "1"), DispatchHarness.Dc("d2", "2") };
        var h = new DispatchHarness(destinations, options: new DispatchOptions { MaxPacingWait = TimeSpan.Zero, Parallelism = 8, BatchSize = 64 }, yieldInSends: true);
        for (var i = 1; i <= 15; i++)
        {
            await h.ImportAndPlanAsync(TestArticles.Make(key: $"a{i:D2}"));
        }
        h.Telegram.Then(new SendOutcome.RetryLater([], null, "flaky")).Then(new SendOutcome.RetryLater([], null, "flaky"));

        for (var round = 0; round < 100 && h.Store.All.Any(r => r.Status != DeliveryStatus.Sent); round++)
        {
            await h.DrainAsync();
            h.Clock.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.All(h.Store.All, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        foreach (var sender in new[] { h.Telegram, h.Discord })
        {
            Assert.Equal(1, sender.MaxConcurrentPerTarget);
            foreach (var group in sender.Calls.GroupBy(c => c.Target.Destination))
            {
                var keys = group.Select(c => c.Target.Reference!.ArticleKey).Distinct().ToList();
                Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
                Assert.Equal(15, keys.Count);
            }
        }
    }

    [Fact]
    public async Task EarlierArticleRetrying_HoldsBackTheLaterOne()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "first"));
        await h.ImportAndPlanAsync(TestArticles.Make(key: "second"));
        h.Telegram.Then(new SendOutcome.RetryLater([], TimeSpan.FromSeconds(30), "429"));

        await h.DrainAsync();
        h.Clock.Advance(TimeSpan.FromSeconds(29));
        var early = await h.DrainAsync();
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.DrainAsync();

        Assert.Equal(0, early);
        Assert.Equal(["first", "first", "second"], h.Telegram.Calls.Select(c => c.Target.Reference!.ArticleKey));
    }

    [Fact]
    public async Task RetryAfter_IsHonouredExactly()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make());
        h.Telegram.Then(new SendOutcome.RetryLater([], TimeSpan.FromSeconds(17), "Too Many Requests: retry after 17"));

        await h.DrainAsync();
        var failed = h.Single("tg", DeliveryKind.Announce);
        h.Clock.Advance(TimeSpan.FromSeconds(17) - TimeSpan.FromTicks(1));
        var tooEarly = await h.DrainAsync();
        h.Clock.Advance(TimeSpan.FromTicks(1));
        var onTime = await h.DrainAsync();

        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal(DispatchHarness.Start.AddSeconds(17), failed.NextAttemptAt);
        Assert.Equal("Too Many Requests: retry after 17", failed.LastError);
        Assert.Equal(0, tooEarly);
        Assert.Equal(1, onTime);
        Assert.Equal(DeliveryStatus.Sent, h.Single("tg", DeliveryKind.Announce).Status);
    }

    [Fact]
    public async Task TransientFailures_BackOffExponentially()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make());
        for (var i = 0; i < 3; i++) h.Telegram.Then(new SendOutcome.RetryLater([], null, "502"));

        var schedule = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            await h.DrainAsync();
            var row = h.Single("tg", DeliveryKind.Announce);
            schedule.Add(row.NextAttemptAt!.Value - h.Clock.GetUtcNow());
            h.Clock.Advance(row.NextAttemptAt!.Value - h.Clock.GetUtcNow());
        }
        await h.DrainAsync();

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], schedule);
        Assert.Equal((DeliveryStatus.Sent, 4), (h.Single("tg", DeliveryKind.Announce).Status, h.Single("tg", DeliveryKind.Announce).Attempts));
    }

    [Fact]
    public async Task AttemptsExhausted_DeadLetterAndAdminNotice()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()], retry: new RetryOptions { Jitter = RetryJitter.None, MaxAttempts = 3 });
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k"));
        for (var i = 0; i < 5; i++) h.Telegram.Then(new SendOutcome.RetryLater([], null, "timeout"));

        for (var i = 0; i < 5; i++)
        {
            await h.DrainAsync();
            h.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var row = h.Single("tg", DeliveryKind.Announce);
        Assert.Equal((DeliveryStatus.Dead, 3), (row.Status, row.Attempts));
        Assert.Contains("gave up after 3 attempts: timeout", row.LastError);
        Assert.Equal(3, h.Telegram.Calls.Count);
        var notice = Assert.Single(h.Store.Audit);
        Assert.Equal(("delivery-dead", row.Id.ToString()), (notice.Action, notice.Subject));
    }

    [Fact]
    public async Task DeadDelivery_Requeued_IsSentAgain()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make());
        h.Telegram.Then(new SendOutcome.Rejected([], "Bad Request: message is too long", TargetGone: false));
        await h.DrainAsync();

        var requeued = await h.Store.RequeueDeadAsync(null, h.Clock.GetUtcNow(), None);
        await h.DrainAsync();

        Assert.Equal(1, requeued);
        Assert.Equal(DeliveryStatus.Sent, h.Single("tg", DeliveryKind.Announce).Status);
    }

    [Fact]
    public async Task TargetGone_DisablesTheDestinationAndStopsItsWork()
    {
        var h = new DispatchHarness([DispatchHarness.Tg(), DispatchHarness.Dc()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "one"));
        await h.ImportAndPlanAsync(TestArticles.Make(key: "two"));
        h.Telegram.Then(new SendOutcome.Rejected([], "Forbidden: bot was kicked from the channel chat", TargetGone: true));

        await h.DrainAsync();
        await h.ImportAndPlanAsync(TestArticles.Make(key: "three"));
        await h.DrainAsync();

        var tg = h.Store.Destinations.Single(d => d.Name == "tg");
        Assert.True(tg.Disabled);
        Assert.Equal("Forbidden: bot was kicked from the channel chat", tg.DisabledReason);
        Assert.Single(h.Telegram.Calls);
        Assert.Equal(DeliveryStatus.Dead, h.Store.All.Single(r => r.Destination == "tg" && r.ArticleKey == "one").Status);
        Assert.Equal(DeliveryStatus.Queued, h.Store.All.Single(r => r.Destination == "tg" && r.ArticleKey == "two").Status);
        Assert.DoesNotContain(h.Store.All, r => r.Destination == "tg" && r.ArticleKey == "three");
        Assert.Equal(3, h.Discord.Calls.Count);
        Assert.Contains(h.Store.Audit, a => a.Action == "destination-disabled" && a.Subject == "tg");
    }

    [Fact]
    public async Task RejectedForGood_ButTargetThere_KeepsTheDestination()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "one"));
        await h.ImportAndPlanAsync(TestArticles.Make(key: "two"));
        h.Telegram.Then(new SendOutcome.Rejected([], "Bad Request: can't parse entities", TargetGone: false));

        await h.DrainAsync();

        Assert.False(h.Store.Destinations.Single().Disabled);
        Assert.Equal([DeliveryStatus.Dead, DeliveryStatus.Sent], h.Store.All.Select(r => r.Status));
    }

    [Fact]
    public async Task TargetMoved_RetriesAtTheNewAddressWithoutSpendingAnAttempt()
    {
        var h = new DispatchHarness([DispatchHarness.Tg(chat: "-100")]);
        await h.ImportAndPlanAsync(TestArticles.Make());
        h.Telegram.Then(new SendOutcome.TargetMoved([], "-1009999"));

        await h.DrainAsync();

        Assert.Equal(["-100", "-1009999"], h.Telegram.Calls.Select(c => c.Target.Address));
        var row = h.Single("tg", DeliveryKind.Announce);
        Assert.Equal((DeliveryStatus.Sent, 1), (row.Status, row.Attempts));
        Assert.Equal("-1009999", h.Store.Destinations.Single().Address);
    }

    [Fact]
    public async Task ChannelUnavailable_ParksItsDeliveriesWithoutSpendingAttempts()
    {
        var h = new DispatchHarness([DispatchHarness.Tg(), DispatchHarness.Dc()]);
        await h.ImportAndPlanAsync(TestArticles.Make());
        h.Telegram.Then(new SendOutcome.Unavailable([], "Unauthorized"));

        await h.DrainAsync();

        var row = h.Single("tg", DeliveryKind.Announce);
        Assert.Equal((DeliveryStatus.Failed, 0), (row.Status, row.Attempts));
        Assert.Equal(DispatchHarness.Start + h.Options.UnavailableRetry, row.NextAttemptAt);
        Assert.Equal(DeliveryStatus.Sent, h.Single("dc", DeliveryKind.Announce).Status);
    }

    [Fact]
    public async Task PartialSend_ResumesAfterThePartsThatWentOut()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make(body: "p1\n\np2\n\np3"));
        h.Telegram.Then(new SendOutcome.RetryLater(["m1"], null, "connection reset"));

        await h.DrainAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.DrainAsync();

        Assert.Equal(["m1"], h.Telegram.Calls[1].Ids);
        Assert.Equal(3, h.Single("tg", DeliveryKind.Announce).RemoteIds.Count);
        Assert.Equal("m1", h.Single("tg", DeliveryKind.Announce).RemoteIds[0]);
    }

    [Fact]
    public async Task PausedDestination_HoldsThenSendsInOrderOnResume()
    {
        var h = new DispatchHarness([DispatchHarness.Tg(), DispatchHarness.Dc()]);
        await h.Store.SetPausedAsync("tg", true, None);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "a1"));
        await h.ImportAndPlanAsync(TestArticles.Make(key: "a2"));

        await h.DrainAsync();
        var whilePaused = h.Store.All.Where(r => r.Destination == "tg").Select(r => r.Status).ToList();
        await h.Store.SetPausedAsync("tg", false, None);
        await h.DrainAsync();
        await h.DrainAsync();

        Assert.Equal([DeliveryStatus.Held, DeliveryStatus.Held], whilePaused);
        Assert.Equal(["a1", "a2"], h.Telegram.Calls.Select(c => c.Target.Reference!.ArticleKey));
        Assert.Equal(2, h.Discord.Calls.Count);
    }

    [Fact]
    public async Task Correction_WithMoreParts_EditsAndAddsParts()
    {
        var h = new DispatchHarness([DispatchHarness.Tg(), DispatchHarness.Dc()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1, body: "only"));
        await h.DrainAsync();
        var announced = h.Single("tg", DeliveryKind.Announce).RemoteIds;

        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2, body: "p1\n\np2\n\np3"));
        await h.DrainAsync();

        var edit = h.Telegram.Calls[1];
        Assert.Equal("edit", edit.Action);
        Assert.Equal(announced, edit.Ids);
        Assert.Equal(3, ((TelegramMessage)edit.Message!).Parts.Count);
        Assert.Contains("v2", ((TelegramMessage)edit.Message!).Parts[0].Html);
        var ids = h.Single("tg", DeliveryKind.Edit).RemoteIds;
        Assert.Equal(3, ids.Count);
        Assert.Equal(announced[0], ids[0]);
        Assert.Equal("edit", h.Discord.Calls[1].Action);
    }

    [Fact]
    public async Task Correction_WithFewerParts_EditsFromTheLatestIds()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1, body: "p1\n\np2\n\np3"));
        await h.DrainAsync();
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2, body: "p1\n\np2\n\np3\n\np4"));
        await h.DrainAsync();

        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 3, body: "short"));
        await h.DrainAsync();

        var last = h.Telegram.Calls[2];
        Assert.Equal(("edit", 4), (last.Action, last.Ids.Count));
        Assert.Single(((TelegramMessage)last.Message!).Parts);
        Assert.Equal([last.Ids[0]], h.Single("tg", DeliveryKind.Edit, version: 3).RemoteIds);
    }

    [Fact]
    public async Task Correction_BeforeTheAnnouncementWentOut_AnnouncesTheCurrentVersionOnce()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1));
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2));

        await h.DrainAsync();
        await h.DrainAsync();

        var send = Assert.Single(h.Telegram.Calls);
        Assert.Equal("send", send.Action);
        Assert.EndsWith("</b> v2", ((TelegramMessage)send.Message!).Parts[0].Html);
        var edit = h.Single("tg", DeliveryKind.Edit);
        Assert.Equal((DeliveryStatus.Cancelled, "already shows version 2"), (edit.Status, edit.LastError));
        Assert.Equal(2, h.Store.SentVersionOf(h.Single("tg", DeliveryKind.Announce).Id));
    }

    [Fact]
    public async Task Correction_ToEmailLists_OnlyWhereAskedAndOnlyToThoseWhoGotIt()
    {
        var h = new DispatchHarness([DispatchHarness.Mail("plain"), DispatchHarness.Mail("fix", corrections: true)]);
        h.Recipients.Add("plain", "p@example.org");
        h.Recipients.Add("fix", "a@example.org", "b@example.org", "c@example.org");
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1));
        await h.DrainAsync();
        h.Recipients.Add("fix", "late@example.org");

        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2));
        await h.DrainAsync();

        var corrections = h.Store.All.Where(r => r.Kind == DeliveryKind.Correction).ToList();
        Assert.Equal(["a@example.org", "b@example.org", "c@example.org"], corrections.Select(r => r.Recipient).Order());
        Assert.All(corrections, r => Assert.Equal(("fix", DeliveryStatus.Sent, 2), (r.Destination, r.Status, r.ArticleVersion)));
    }

    [Fact]
    public async Task Retraction_DeletesWhatWasSentAndCancelsWhatWasNot()
    {
        var h = new DispatchHarness([DispatchHarness.Tg(), DispatchHarness.Dc(), DispatchHarness.Mail()]);
        h.Recipients.Add("mail", "a@example.org");
        await h.Store.SetPausedAsync("dc", true, None);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1, body: "p1\n\np2"));
        await h.DrainAsync();
        var sentIds = h.Single("tg", DeliveryKind.Announce).RemoteIds;

        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2, retracted: true));
        await h.Store.SetPausedAsync("dc", false, None);
        await h.DrainAsync();

        var delete = h.Telegram.Calls.Single(c => c.Action == "delete");
        Assert.Equal(sentIds, delete.Ids);
        Assert.Equal(DeliveryStatus.Sent, h.Single("tg", DeliveryKind.Delete).Status);
        Assert.Equal(DeliveryStatus.Cancelled, h.Single("dc", DeliveryKind.Announce).Status);
        Assert.Equal(DeliveryStatus.Cancelled, h.Single("dc", DeliveryKind.Delete).Status);
        Assert.Empty(h.Discord.Calls);
        Assert.Single(h.Email.Calls);
        Assert.DoesNotContain(h.Store.All, r => r.Destination == "mail" && r.Kind != DeliveryKind.Announce);
    }

    [Fact]
    public async Task Unsubscribed_BeforeTheSend_IsCancelled()
    {
        var h = new DispatchHarness([DispatchHarness.Mail()]);
        h.Recipients.Add("mail", "a@example.org", "b@example.org");
        await h.ImportAndPlanAsync(TestArticles.Make());
        h.Recipients.Remove("mail", "b@example.org");

        await h.DrainAsync();

        Assert.Equal("a@example.org", Assert.Single(h.Email.Calls).Target.Address);
        Assert.Equal(DeliveryStatus.Cancelled, h.Store.All.Single(r => r.Recipient == "b@example.org").Status);
    }

    [Fact]
    public async Task BouncedMailbox_MarksTheSubscriberNotTheList()
    {
        var h = new DispatchHarness([DispatchHarness.Mail()]);
        h.Recipients.Add("mail", "gone@example.org", "ok@example.org");
        await h.ImportAndPlanAsync(TestArticles.Make());
        h.Email.Then(c => c.Target.Address == "gone@example.org"
            ? new SendOutcome.Rejected([], "550 5.1.1 mailbox unknown", TargetGone: true)
            : new SendOutcome.Sent(["x"]));
        h.Email.Then(c => c.Target.Address == "gone@example.org"
            ? new SendOutcome.Rejected([], "550 5.1.1 mailbox unknown", TargetGone: true)
            : new SendOutcome.Sent(["y"]));

        await h.DrainAsync();

        Assert.Equal(("mail", "gone@example.org"), (h.Recipients.Bounced.Single().List, h.Recipients.Bounced.Single().Email));
        Assert.False(h.Store.Destinations.Single().Disabled);
        Assert.Equal(DeliveryStatus.Sent, h.Store.All.Single(r => r.Recipient == "ok@example.org").Status);
    }

    [Fact]
    public async Task Pacing_SecondPostToTheSameChat_WaitsItsTurnWithoutSpendingAnAttempt()
    {
        var pacing = new PacingOptions { Channels = new() { ["telegram"] = [RateBudget.PerTarget(1, TimeSpan.FromSeconds(1))] } };
        var h = new DispatchHarness([DispatchHarness.Tg()], pacing: pacing);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "a1"));
        await h.ImportAndPlanAsync(TestArticles.Make(key: "a2"));

        await h.DrainAsync();
        var parked = h.Store.All.Single(r => r.ArticleKey == "a2");
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.DrainAsync();

        // Not claimed while its chat's budget is spent: no attempt, no write, nothing sent.
        Assert.Equal((DeliveryStatus.Queued, 0), (parked.Status, parked.Attempts));
        Assert.Equal(2, h.Telegram.Calls.Count);
        Assert.Equal(1, h.Store.All.Single(r => r.ArticleKey == "a2").Attempts);
    }

    [Fact]
    public async Task RemovedDestination_ItsDeliveriesAreCancelled()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.Store.SyncAsync([DispatchHarness.Dc("old")], None);
        await h.Store.AddAsync([new("k", 1, "old", "", DeliveryKind.Announce)], None);
        h.Articles.Put(TestArticles.Make(key: "k"));

        await h.DrainAsync();

        Assert.Equal(DeliveryStatus.Cancelled, h.Single("old", DeliveryKind.Announce).Status);
    }

    [Fact]
    public async Task SenderThrows_IsRetriedNotLost()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make());
        h.Telegram.Then(_ => throw new HttpRequestException("connection refused"));

        await h.DrainAsync();

        var row = h.Single("tg", DeliveryKind.Announce);
        Assert.Equal(DeliveryStatus.Failed, row.Status);
        Assert.Contains("connection refused", row.LastError);
    }
}
