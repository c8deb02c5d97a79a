using Bot.Core.Channels;
using Bot.Core.Delivery.Pacing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Core.Tests.Delivery;

public sealed class SendPacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    private static (SendPacer Pacer, FakeTimeProvider Clock) Make(PacingOptions? options = null)
    {
        var clock = new FakeTimeProvider(Start);
        return (new SendPacer(options ?? new PacingOptions(), clock), clock);
    }

    private sealed record PaceDecision(bool Allowed, DateTimeOffset NextAllowedAt);

    // A request answered at once: entered and finished at the same instant.
    private static PaceDecision TryAcquire(SendPacer pacer, string channel, string target)
    {
        using var slot = pacer.TryEnter(channel, target, out var notBefore);
        return new PaceDecision(slot is not null, notBefore);
    }

    [Fact]
    public void TryAcquire_TelegramSameChat_OnePerSecond()
    {
        var (pacer, clock) = Make();

        var first = TryAcquire(pacer, ChannelNames.Telegram, "-100");
        var second = TryAcquire(pacer, ChannelNames.Telegram, "-100");
        clock.Advance(TimeSpan.FromSeconds(1));
        var third = TryAcquire(pacer, ChannelNames.Telegram, "-100");

        Assert.Equal(new PaceDecision(true, Start), first);
        Assert.Equal(new PaceDecision(false, Start.AddSeconds(1)), second);
        Assert.Equal(new PaceDecision(true, Start.AddSeconds(1)), third);
    }

    [Fact]
    public void TryAcquire_TelegramSameChat_TwentyPerMinute()
    {
        var (pacer, clock) = Make();
        for (var i = 0; i < 20; i++)
        {
            Assert.True(TryAcquire(pacer, ChannelNames.Telegram, "-100").Allowed);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var twentyFirst = TryAcquire(pacer, ChannelNames.Telegram, "-100");
        clock.Advance(TimeSpan.FromSeconds(40));
        var atTheMinute = TryAcquire(pacer, ChannelNames.Telegram, "-100");

        // Sends went at 0..19 s; the window frees at 0 s + 60 s.
        Assert.Equal(new PaceDecision(false, Start.AddSeconds(60)), twentyFirst);
        Assert.Equal(new PaceDecision(true, Start.AddSeconds(60)), atTheMinute);
    }

    [Fact]
    public void TryAcquire_TelegramManyChats_ThirtyPerSecondOverall()
    {
        var (pacer, clock) = Make();
        for (var i = 0; i < 30; i++)
        {
            Assert.True(TryAcquire(pacer, ChannelNames.Telegram, "chat" + i).Allowed);
        }
        clock.Advance(TimeSpan.FromMilliseconds(400));

        var thirtyFirst = TryAcquire(pacer, ChannelNames.Telegram, "chat30");

        Assert.Equal(new PaceDecision(false, Start.AddSeconds(1)), thirtyFirst);
    }

    [Fact]
    public void TryAcquire_ChatThatMustWait_DoesNotDelayOthers()
    {
        var (pacer, _) = Make();
        TryAcquire(pacer, ChannelNames.Telegram, "busy");

        Assert.False(TryAcquire(pacer, ChannelNames.Telegram, "busy").Allowed);
        Assert.True(TryAcquire(pacer, ChannelNames.Telegram, "quiet").Allowed);
    }

    [Fact]
    public void TryAcquire_Refused_CountsNothing()
    {
        var (pacer, clock) = Make();
        TryAcquire(pacer, ChannelNames.Telegram, "-100");
        for (var i = 0; i < 50; i++) TryAcquire(pacer, ChannelNames.Telegram, "-100");
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(TryAcquire(pacer, ChannelNames.Telegram, "-100").Allowed);
    }

    [Fact]
    public void Hold_OnATarget_OutlastsTheBudgetsAndNeverShrinks()
    {
        var (pacer, clock) = Make();

        pacer.Hold(ChannelNames.Telegram, "-100", Start.AddSeconds(17));
        pacer.Hold(ChannelNames.Telegram, "-100", Start.AddSeconds(3));

        Assert.Equal(Start.AddSeconds(17), pacer.NextAllowedAt(ChannelNames.Telegram, "-100"));
        Assert.Equal(Start, pacer.NextAllowedAt(ChannelNames.Telegram, "-200"));
        clock.Advance(TimeSpan.FromSeconds(17));
        Assert.True(TryAcquire(pacer, ChannelNames.Telegram, "-100").Allowed);
    }

    [Fact]
    public void Hold_OnTheChannel_StopsEveryTarget()
    {
        var (pacer, _) = Make();

        pacer.Hold(ChannelNames.Discord, null, Start.AddSeconds(64.57));

        Assert.Equal(new PaceDecision(false, Start.AddSeconds(64.57)), TryAcquire(pacer, ChannelNames.Discord, "1"));
        Assert.True(TryAcquire(pacer, ChannelNames.Telegram, "1").Allowed);
    }

    [Fact]
    public void TryAcquire_ChannelWithoutBudgets_IsNeverPaced()
    {
        var (pacer, _) = Make(new PacingOptions { Channels = [] });

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(TryAcquire(pacer, ChannelNames.Email, "a@b").Allowed));
    }

    [Fact]
    public void TryAcquire_ConfiguredBudget_IsUsed()
    {
        var options = new PacingOptions { Channels = new() { ["email"] = [RateBudget.PerChannel(2, TimeSpan.FromSeconds(10))] } };
        var (pacer, _) = Make(options);

        TryAcquire(pacer, "email", "a");
        TryAcquire(pacer, "email", "b");

        Assert.Equal(new PaceDecision(false, Start.AddSeconds(10)), TryAcquire(pacer, "email", "c"));
    }

    [Fact]
    public void TryAcquire_ManyPassingTargets_ForgetsTheOldOnes()
    {
        var (pacer, clock) = Make();
        for (var i = 0; i < 3000; i++)
        {
            TryAcquire(pacer, ChannelNames.Discord, "target" + i);
            clock.Advance(TimeSpan.FromMilliseconds(30));
        }

        Assert.InRange(pacer.TrackedWindows, 1, 1200);
    }

    [Fact]
    public void Options_Invalid_NameTheKeys()
    {
        var options = new PacingOptions { Channels = new() { ["telegram"] = [new RateBudget { Limit = 0, Window = TimeSpan.Zero }] } };

        Assert.Equal(
            ["Delivery:Pacing:Channels:telegram:0:Limit: '0' must be a whole number of at least 1", "Delivery:Pacing:Channels:telegram:0:Window: missing; give the window as hh:mm:ss, e.g. 00:00:01"],
            options.Validate());
    }

    [Fact]
    public void TryEnter_RequestUnderWay_HoldsItsPlaceUntilAWindowAfterItsAnswer()
    {
        var (pacer, clock) = Make();
        var slow = pacer.TryEnter(ChannelNames.Telegram, "-100", out _);
        Assert.NotNull(slow);

        // Still under way three seconds later: the chat's window of one second is full until it answers.
        clock.Advance(TimeSpan.FromSeconds(3));
        var meanwhile = TryAcquire(pacer, ChannelNames.Telegram, "-100");
        slow.Dispose();
        var justAfter = TryAcquire(pacer, ChannelNames.Telegram, "-100");
        clock.Advance(TimeSpan.FromSeconds(1));
        var aWindowAfter = TryAcquire(pacer, ChannelNames.Telegram, "-100");

        Assert.Equal(new PaceDecision(false, Start.AddSeconds(4)), meanwhile);
        Assert.Equal(new PaceDecision(false, Start.AddSeconds(4)), justAfter);
        Assert.Equal(new PaceDecision(true, Start.AddSeconds(4)), aWindowAfter);
    }

    [Fact]
    public void NextAllowedAt_WithoutTarget_AsksOnlyTheChannelWideBudgets()
    {
        var (pacer, _) = Make();
        TryAcquire(pacer, ChannelNames.Telegram, "-100");

        Assert.Equal(Start.AddSeconds(1), pacer.NextAllowedAt(ChannelNames.Telegram, "-100"));
        Assert.Equal(Start, pacer.NextAllowedAt(ChannelNames.Telegram, null));
    }

    [Fact]
    public void Defaults_EmailIsNotPaced()
    {
        var (pacer, _) = Make();

        Assert.All(Enumerable.Range(0, 5000), i => Assert.True(TryAcquire(pacer, ChannelNames.Email, $"r{i}@example.org").Allowed));
    }
}
