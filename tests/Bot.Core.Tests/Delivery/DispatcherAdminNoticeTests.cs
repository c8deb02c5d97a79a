using Bot.Core.Admin;
using Bot.Core.Channels;
using Bot.Core.Delivery.Outcomes;
using Bot.Core.Delivery.Pacing;
using Bot.Core.Delivery.Claiming;
using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.Delivery;

/// <summary>What the dispatcher tells the admins, and that it tells them once per event.</summary>
public sealed class DispatcherAdminNoticeTests
{
    [Fact]
    public async Task Kicked_OneDisabledNoticeWithTheReasonAndNoDeadLetterNotice()
    {
        var h = new DispatchHarness([DispatchHarness.Tg("news")]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k"));
        h.Telegram.Then(new SendOutcome.Rejected([], "Forbidden: bot was kicked from the channel chat", TargetGone: true));

        await h.DrainAsync();

        Assert.Equal([new AdminNotice(AdminNoticeKind.DestinationDisabled, "news", "Forbidden: bot was kicked from the channel chat")], h.Notices.Notices);
    }

    [Fact]
    public async Task AttemptsExhausted_DeadNoticeNamesTheDeliveryAndReason()
    {
        var h = new DispatchHarness([DispatchHarness.Tg("news")], retry: new RetryOptions { Jitter = RetryJitter.None, MaxAttempts = 2 });
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k"));
        for (var i = 0; i < 2; i++) h.Telegram.Then(new SendOutcome.RetryLater([], null, "timeout"));

        for (var i = 0; i < 3; i++)
        {
            await h.DrainAsync();
            h.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var notice = Assert.Single(h.Notices.Notices);
        Assert.Equal((AdminNoticeKind.DeliveryDead, "news"), (notice.Kind, notice.Destination));
        Assert.Equal("#1 announce of k v1 to news: gave up after 2 attempts: timeout", notice.Detail);
    }

    [Fact]
    public async Task TargetMoved_NoticeCarriesTheNewAddress()
    {
        var h = new DispatchHarness([DispatchHarness.Tg("group", chat: "-2001")]);
        await h.ImportAndPlanAsync(TestArticles.Make());
        h.Telegram.Then(new SendOutcome.TargetMoved([], "-1002001"));

        await h.DrainAsync();

        Assert.Equal([new AdminNotice(AdminNoticeKind.TargetMoved, "group", "-1002001")], h.Notices.Notices);
    }

    [Fact]
    public async Task BouncedMailbox_NoAdminNotice()
    {
        var h = new DispatchHarness([DispatchHarness.Mail()]);
        h.Recipients.Add("mail", "gone@example.org");
        await h.ImportAndPlanAsync(TestArticles.Make());
        h.Email.Then(new SendOutcome.Rejected([], "550 5.1.1 mailbox unknown", TargetGone: true));

        await h.DrainAsync();

        Assert.Empty(h.Notices.Notices);
    }
}
