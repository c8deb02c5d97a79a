using Bot.Channels.Discord;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.Discord;

public sealed class DiscordRateLimitsTests
{
    private static readonly DiscordRoute ChannelOne = new DiscordMessageTarget.Channel("1").Create();
    private static readonly DiscordRoute ChannelTwo = new DiscordMessageTarget.Channel("2").Create();

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryAcquire_UnknownRoute_FirstGoesAndOthersWaitForItsBucket()
    {
        var limits = new DiscordRateLimits(clock);

        var first = Granted(limits.TryAcquire(ChannelOne));
        var second = limits.TryAcquire(ChannelOne);

        Assert.True(first.DiscoversBucket);
        Assert.Null(first.BucketKey);
        Assert.Equal(new DiscordRateLimitDecision.Wait(DiscordRateLimits.DiscoveryWait, "discovery"), second);
    }

    [Fact]
    public void TryAcquire_BucketSpent_WaitsExactlyUntilItsReset()
    {
        var limits = new DiscordRateLimits(clock);
        Complete(limits, Granted(limits.TryAcquire(ChannelOne)), remaining: 4, resetAfterMs: 5000);
        for (var remaining = 3; remaining >= 0; remaining--)
        {
            Complete(limits, Granted(limits.TryAcquire(ChannelOne)), remaining, resetAfterMs: 5000);
        }

        var spent = limits.TryAcquire(ChannelOne);
        clock.Advance(TimeSpan.FromMilliseconds(1500));
        var later = limits.TryAcquire(ChannelOne);
        clock.Advance(TimeSpan.FromMilliseconds(3500));
        var reset = limits.TryAcquire(ChannelOne);

        Assert.Equal(new DiscordRateLimitDecision.Wait(TimeSpan.FromMilliseconds(5000), "bucket"), spent);
        Assert.Equal(new DiscordRateLimitDecision.Wait(TimeSpan.FromMilliseconds(3500), "bucket"), later);
        Assert.IsType<DiscordRateLimitDecision.Granted>(reset);
        Assert.Equal((5, 5, clock.GetUtcNow()), limits.BucketOf(ChannelOne));
    }

    [Fact]
    public void TryAcquire_RequestsInFlight_CountAgainstTheBucket()
    {
        var limits = new DiscordRateLimits(clock);
        Complete(limits, Granted(limits.TryAcquire(ChannelOne)), remaining: 2, resetAfterMs: 800);

        var a = limits.TryAcquire(ChannelOne);
        var b = limits.TryAcquire(ChannelOne);
        var c = limits.TryAcquire(ChannelOne);
        limits.Cancel(Granted(b));
        var d = limits.TryAcquire(ChannelOne);

        Assert.IsType<DiscordRateLimitDecision.Granted>(a);
        Assert.IsType<DiscordRateLimitDecision.Granted>(b);
        Assert.Equal(new DiscordRateLimitDecision.Wait(TimeSpan.FromMilliseconds(800), "bucket"), c);
        Assert.IsType<DiscordRateLimitDecision.Granted>(d);
    }

    [Fact]
    public void Complete_SameHashOnTwoChannels_KeepsSeparateBuckets()
    {
        var limits = new DiscordRateLimits(clock);
        Complete(limits, Granted(limits.TryAcquire(ChannelOne)), remaining: 0, resetAfterMs: 5000);

        var two = Granted(limits.TryAcquire(ChannelTwo));
        Complete(limits, two, remaining: 4, resetAfterMs: 5000);

        var one = limits.TryAcquire(ChannelOne);
        var twoAgain = limits.TryAcquire(ChannelTwo);

        Assert.True(two.DiscoversBucket);
        Assert.Equal(new DiscordRateLimitDecision.Wait(TimeSpan.FromSeconds(5), "bucket"), one);
        Assert.IsType<DiscordRateLimitDecision.Granted>(twoAgain);
        Assert.Equal((5, 4, clock.GetUtcNow().AddSeconds(5)), limits.BucketOf(ChannelTwo));
    }

    [Fact]
    public void Complete_AnswersOutOfOrder_NeverGiveBackUsedSlots()
    {
        var limits = new DiscordRateLimits(clock);
        Complete(limits, Granted(limits.TryAcquire(ChannelOne)), remaining: 4, resetAfterMs: 5000);
        var early = Granted(limits.TryAcquire(ChannelOne));
        var late = Granted(limits.TryAcquire(ChannelOne));

        Complete(limits, late, remaining: 2, resetAfterMs: 4900);
        Complete(limits, early, remaining: 3, resetAfterMs: 4950);

        Assert.Equal((5, 2, clock.GetUtcNow().AddMilliseconds(5000)), limits.BucketOf(ChannelOne));
    }

    [Fact]
    public void Complete_AnswerFromTheWindowBeforeALocalReset_OnlyCostsASlot()
    {
        var limits = new DiscordRateLimits(clock);
        Complete(limits, Granted(limits.TryAcquire(ChannelOne)), remaining: 1, resetAfterMs: 1000);
        var old = Granted(limits.TryAcquire(ChannelOne));
        clock.Advance(TimeSpan.FromSeconds(1));
        var fresh = Granted(limits.TryAcquire(ChannelOne));

        Complete(limits, old, remaining: 0, resetAfterMs: 0);
        var afterStale = limits.BucketOf(ChannelOne);
        Complete(limits, fresh, remaining: 4, resetAfterMs: 1000);

        Assert.Equal((5, 4, clock.GetUtcNow()), afterStale);
        Assert.Equal((5, 4, clock.GetUtcNow().AddSeconds(1)), limits.BucketOf(ChannelOne));
    }

    [Fact]
    public void Complete_TooManyRequests_BlocksTheBucketForExactlyRetryAfter()
    {
        var limits = new DiscordRateLimits(clock);
        Complete(limits, Granted(limits.TryAcquire(ChannelOne)), remaining: 3, resetAfterMs: 5000);
        var ticket = Granted(limits.TryAcquire(ChannelOne));
        limits.Complete(ticket, Headers(remaining: 0, resetAfterMs: 5000) with { Scope = "user" }, TimeSpan.FromMilliseconds(1235));

        var blocked = limits.TryAcquire(ChannelOne);
        clock.Advance(TimeSpan.FromMilliseconds(1234));
        var almost = limits.TryAcquire(ChannelOne);
        var other = limits.TryAcquire(ChannelTwo);

        Assert.Equal(new DiscordRateLimitDecision.Blocked(TimeSpan.FromMilliseconds(1235), "route"), blocked);
        Assert.Equal(new DiscordRateLimitDecision.Blocked(TimeSpan.FromMilliseconds(1), "route"), almost);
        Assert.IsType<DiscordRateLimitDecision.Granted>(other);
    }

    [Fact]
    public void Complete_TooManyRequestsBeforeBucketIsKnown_BlocksTheRoute()
    {
        var limits = new DiscordRateLimits(clock);
        limits.Complete(Granted(limits.TryAcquire(ChannelOne)), DiscordRateLimitHeaders.None, TimeSpan.FromMilliseconds(64570));

        var blocked = limits.TryAcquire(ChannelOne);
        clock.Advance(TimeSpan.FromMilliseconds(64570));
        var free = limits.TryAcquire(ChannelOne);

        Assert.Equal(new DiscordRateLimitDecision.Blocked(TimeSpan.FromMilliseconds(64570), "route"), blocked);
        Assert.True(Granted(free).DiscoversBucket);
    }

    [Fact]
    public void Complete_GlobalTooManyRequests_BlocksEveryRoute()
    {
        var limits = new DiscordRateLimits(clock);
        limits.Complete(Granted(limits.TryAcquire(ChannelOne)), DiscordRateLimitHeaders.None with { Global = true }, TimeSpan.FromMilliseconds(750));

        var other = limits.TryAcquire(ChannelTwo);
        clock.Advance(TimeSpan.FromMilliseconds(750));
        var after = limits.TryAcquire(ChannelTwo);

        Assert.Equal(new DiscordRateLimitDecision.Blocked(TimeSpan.FromMilliseconds(750), "global"), other);
        Assert.IsType<DiscordRateLimitDecision.Granted>(after);
    }

    [Fact]
    public void TryAcquire_GlobalLimitSpentOrBlocked_InteractionAnswersStillGo()
    {
        var limits = new DiscordRateLimits(clock, globalPerSecond: 1);
        var answer = new DiscordRoute(HttpMethod.Post, "interactions/9/secret/callback", "POST interactions/:id/:token/callback", "interactions/9", true, GlobalExempt: true);
        Granted(limits.TryAcquire(ChannelOne));

        var channelWhileSpent = limits.TryAcquire(ChannelTwo);
        var answerWhileSpent = limits.TryAcquire(answer);
        limits.Complete(Granted(answerWhileSpent), DiscordRateLimitHeaders.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        limits.Complete(Granted(limits.TryAcquire(ChannelTwo)), DiscordRateLimitHeaders.None with { Global = true }, TimeSpan.FromSeconds(5));
        var channelWhileBlocked = limits.TryAcquire(new DiscordMessageTarget.Channel("3").Create());
        var answerWhileBlocked = limits.TryAcquire(answer);

        Assert.IsType<DiscordRateLimitDecision.Wait>(channelWhileSpent);
        Assert.IsType<DiscordRateLimitDecision.Blocked>(channelWhileBlocked);
        Assert.IsType<DiscordRateLimitDecision.Granted>(answerWhileBlocked);
    }

    [Fact]
    public void TryAcquire_FiftyInOneSecond_TheNextWaitsForTheOldestToLeaveTheWindow()
    {
        var limits = new DiscordRateLimits(clock, globalPerSecond: 50);
        for (var i = 0; i < 50; i++)
        {
            Granted(limits.TryAcquire(new DiscordMessageTarget.Channel($"{100 + i}").Create()));
            if (i == 0)
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
            }
        }

        var fiftyFirst = limits.TryAcquire(ChannelOne);
        clock.Advance(TimeSpan.FromMilliseconds(900));
        var oldestGone = limits.TryAcquire(ChannelOne);
        var next = limits.TryAcquire(ChannelTwo);

        Assert.Equal(new DiscordRateLimitDecision.Wait(TimeSpan.FromMilliseconds(900), "global"), fiftyFirst);
        Assert.IsType<DiscordRateLimitDecision.Granted>(oldestGone);
        Assert.Equal(new DiscordRateLimitDecision.Wait(TimeSpan.FromMilliseconds(100), "global"), next);
    }

    [Fact]
    public void TryAcquire_WaitLongerThanTheCap_IsHandedBack()
    {
        var limits = new DiscordRateLimits(clock, maxWait: TimeSpan.FromSeconds(10));
        Complete(limits, Granted(limits.TryAcquire(ChannelOne)), remaining: 0, resetAfterMs: 60_000);

        var decision = limits.TryAcquire(ChannelOne);

        Assert.Equal(new DiscordRateLimitDecision.Blocked(TimeSpan.FromSeconds(60), "bucket"), decision);
    }

    [Fact]
    public void Cancel_DiscoveringRequestFailed_NextRequestDiscoversAgain()
    {
        var limits = new DiscordRateLimits(clock);
        limits.Cancel(Granted(limits.TryAcquire(ChannelOne)));

        var again = Granted(limits.TryAcquire(ChannelOne));

        Assert.True(again.DiscoversBucket);
    }

    [Theory]
    [InlineData("64.57", 64570)]
    [InlineData("1.2345", 1235)]
    [InlineData("0.001", 1)]
    [InlineData("0", 0)]
    [InlineData("5", 5000)]
    public void ParseSeconds_DecimalSeconds_RoundsUpToWholeMilliseconds(string value, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DiscordRateLimitHeaders.ParseSeconds(value));
    }

    private static DiscordRateLimitTicket Granted(DiscordRateLimitDecision decision) =>
        Assert.IsType<DiscordRateLimitDecision.Granted>(decision).Ticket;

    private static void Complete(DiscordRateLimits limits, DiscordRateLimitTicket ticket, int remaining, int resetAfterMs) =>
        limits.Complete(ticket, Headers(remaining, resetAfterMs));

    private static DiscordRateLimitHeaders Headers(int remaining, int resetAfterMs) =>
        new("80c17d2f203122d936070c88c8d10f33", 5, remaining, TimeSpan.FromMilliseconds(resetAfterMs));
}
