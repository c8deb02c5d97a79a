using Bot.Core.Delivery.Outcomes;
using Bot.Core.Delivery.Pacing;
using Bot.Core.Delivery.Claiming;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Core.Tests.Delivery;

public sealed class LeaseClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Lease_OverItsLife_RenewsAfterAThirdAndExpiresAtTheEnd()
    {
        var clock = new FakeTimeProvider(Start);
        var leases = new LeaseClock(new LeaseOptions { Duration = TimeSpan.FromSeconds(90) }, clock);

        var until = leases.NewLeaseUntil();
        var fresh = (leases.NeedsRenewal(until), leases.IsExpired(until));
        clock.Advance(TimeSpan.FromSeconds(31));
        var third = (leases.NeedsRenewal(until), leases.IsExpired(until));
        clock.Advance(TimeSpan.FromSeconds(59));
        var end = leases.IsExpired(until);

        Assert.Equal(Start.AddSeconds(90), until);
        Assert.Equal(TimeSpan.FromSeconds(30), leases.RenewEvery);
        Assert.Equal((false, false), fresh);
        Assert.Equal((true, false), third);
        Assert.True(end);
    }
}
