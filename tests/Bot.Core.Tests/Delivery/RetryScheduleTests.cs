using Bot.Core.Delivery.Outcomes;
using Bot.Core.Delivery.Pacing;
using Bot.Core.Delivery.Claiming;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Core.Tests.Delivery;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    private static (RetrySchedule Schedule, FakeTimeProvider Clock) Make(RetryJitter jitter, int seed = 7, int maxAttempts = 10)
    {
        var clock = new FakeTimeProvider(Start);
        var options = new RetryOptions
        {
            BaseDelay = TimeSpan.FromSeconds(2),
            MaxDelay = TimeSpan.FromSeconds(60),
            MaxAttempts = maxAttempts,
            Jitter = jitter,
        };
        return (new RetrySchedule(options, clock, new Random(seed)), clock);
    }

    [Fact]
    public void Next_NoJitter_DoublesUntilTheCap()
    {
        var (schedule, _) = Make(RetryJitter.None);

        var delays = Enumerable.Range(1, 7).Select(n => ((RetryDecision.RetryAt)schedule.Next(n)).Delay.TotalSeconds);

        Assert.Equal([2, 4, 8, 16, 32, 60, 60], delays);
    }

    [Fact]
    public void Next_FullJitter_IsTheSeededFractionOfTheExponential()
    {
        var (schedule, clock) = Make(RetryJitter.Full, seed: 7);
        var fractions = new Random(7);

        var third = (RetryDecision.RetryAt)schedule.Next(1);
        var fourth = (RetryDecision.RetryAt)schedule.Next(6);

        Assert.Equal(TimeSpan.FromTicks((long)(fractions.NextDouble() * TimeSpan.FromSeconds(2).Ticks)), third.Delay);
        Assert.Equal(TimeSpan.FromTicks((long)(fractions.NextDouble() * TimeSpan.FromSeconds(60).Ticks)), fourth.Delay);
        Assert.Equal(clock.GetUtcNow() + third.Delay, third.At);
    }

    [Fact]
    public void Next_FullJitterSeed7_GivesPinnedNumbers()
    {
        var (schedule, _) = Make(RetryJitter.Full, seed: 7);

        var ms = Enumerable.Range(1, 4).Select(n => (long)((RetryDecision.RetryAt)schedule.Next(n)).Delay.TotalMilliseconds);

        Assert.Equal([766, 3485, 5287, 836], ms);
    }

    [Fact]
    public void Next_DecorrelatedJitter_StaysBetweenBaseAndThreeTimesPrevious()
    {
        var (schedule, _) = Make(RetryJitter.Decorrelated, seed: 11);
        var previous = TimeSpan.FromSeconds(2);

        for (var attempt = 1; attempt < 9; attempt++)
        {
            var delay = ((RetryDecision.RetryAt)schedule.Next(attempt, previousDelay: previous)).Delay;

            Assert.InRange(delay, TimeSpan.FromSeconds(2), TimeSpan.FromTicks(Math.Min(previous.Ticks * 3, TimeSpan.FromSeconds(60).Ticks)));
            previous = delay;
        }
    }

    [Fact]
    public void Next_DecorrelatedJitter_IsTheSeededPointOfItsRange()
    {
        var (schedule, _) = Make(RetryJitter.Decorrelated, seed: 3);
        var fraction = new Random(3).NextDouble();

        var delay = ((RetryDecision.RetryAt)schedule.Next(2, previousDelay: TimeSpan.FromSeconds(10))).Delay;

        // Range [2 s, 30 s].
        Assert.Equal(TimeSpan.FromTicks((long)(TimeSpan.FromSeconds(2).Ticks + fraction * TimeSpan.FromSeconds(28).Ticks)), delay);
    }

    [Fact]
    public void Next_RetryAfterLongerThanBackoff_WaitsExactlyThatLong()
    {
        var (schedule, clock) = Make(RetryJitter.None);

        var decision = (RetryDecision.RetryAt)schedule.Next(1, retryAfter: TimeSpan.FromSeconds(17));

        Assert.Equal(TimeSpan.FromSeconds(17), decision.Delay);
        Assert.Equal(Start.AddSeconds(17), decision.At);
    }

    [Fact]
    public void Next_RetryAfterBeyondTheCap_IsStillHonoured()
    {
        var (schedule, _) = Make(RetryJitter.Full);

        var decision = (RetryDecision.RetryAt)schedule.Next(3, retryAfter: TimeSpan.FromMinutes(10));

        Assert.Equal(TimeSpan.FromMinutes(10), decision.Delay);
    }

    [Fact]
    public void Next_RetryAfterShorterThanBackoff_KeepsTheBackoff()
    {
        var (schedule, _) = Make(RetryJitter.None);

        var decision = (RetryDecision.RetryAt)schedule.Next(4, retryAfter: TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(16), decision.Delay);
    }

    [Fact]
    public void Next_FromAnAdvancedClock_CountsFromNow()
    {
        var (schedule, clock) = Make(RetryJitter.None);
        clock.Advance(TimeSpan.FromMinutes(5));

        var decision = (RetryDecision.RetryAt)schedule.Next(2);

        Assert.Equal(Start.AddMinutes(5).AddSeconds(4), decision.At);
    }

    [Fact]
    public void Next_AtTheAttemptLimit_GivesUp()
    {
        var (schedule, _) = Make(RetryJitter.Full, maxAttempts: 3);

        Assert.IsType<RetryDecision.RetryAt>(schedule.Next(2));
        Assert.Equal(new RetryDecision.GiveUp(3), schedule.Next(3, retryAfter: TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Options_Invalid_NameTheKeys()
    {
        var problems = new RetryOptions { BaseDelay = TimeSpan.Zero, MaxAttempts = 0 }.Validate().ToList();

        Assert.Contains("Delivery:Retry:BaseDelay must be positive", problems);
        Assert.Contains("Delivery:Retry:MaxAttempts must be at least 1", problems);
    }
}
