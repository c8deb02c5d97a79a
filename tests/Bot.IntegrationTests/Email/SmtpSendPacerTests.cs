using Bot.Channels.Email;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.Email;

public sealed class SmtpSendPacerTests
{
    [Fact]
    public void Reserve_BurstAtFourPerSecond_SpacesSlots250MillisecondsApart()
    {
        var clock = new FakeTimeProvider();
        var pacer = new SmtpSendPacer(4, clock);

        var waits = Enumerable.Range(0, 5).Select(_ => pacer.Reserve()).ToList();

        Assert.Equal([0, 250, 500, 750, 1000], waits.Select(w => w.TotalMilliseconds));
    }

    [Fact]
    public void Reserve_AfterAnIdlePause_DoesNotSaveUpABurst()
    {
        var clock = new FakeTimeProvider();
        var pacer = new SmtpSendPacer(2, clock);
        pacer.Reserve();

        clock.Advance(TimeSpan.FromSeconds(10));
        var first = pacer.Reserve();
        var second = pacer.Reserve();

        Assert.Equal(TimeSpan.Zero, first);
        Assert.Equal(TimeSpan.FromMilliseconds(500), second);
    }

    [Fact]
    public void Reserve_WhenTheClockCatchesUp_WaitsOnlyTheRemainder()
    {
        var clock = new FakeTimeProvider();
        var pacer = new SmtpSendPacer(1, clock);
        pacer.Reserve();
        pacer.Reserve();

        clock.Advance(TimeSpan.FromMilliseconds(1300));
        var wait = pacer.Reserve();

        Assert.Equal(TimeSpan.FromMilliseconds(700), wait);
    }
}
