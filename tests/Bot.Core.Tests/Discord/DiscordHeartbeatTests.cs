using Bot.Channels.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Core.Tests.Discord;

public sealed class DiscordHeartbeatTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(41_250);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void FirstBeat_DueAfterIntervalTimesJitter()
    {
        var heartbeat = new DiscordHeartbeat(Interval, 0.25, clock);

        var first = heartbeat.UntilDue;
        clock.Advance(TimeSpan.FromMilliseconds(10_312));
        var almost = heartbeat.UntilDue;
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(TimeSpan.FromMilliseconds(10_312.5), first);
        Assert.Equal(TimeSpan.FromMilliseconds(0.5), almost);
        Assert.Equal(TimeSpan.Zero, heartbeat.UntilDue);
    }

    [Fact]
    public void TryBeat_Acknowledged_NextBeatOneIntervalLaterAndAllowed()
    {
        var heartbeat = new DiscordHeartbeat(Interval, 0, clock);

        var first = heartbeat.TryBeat();
        var untilSecond = heartbeat.UntilDue;
        heartbeat.Acknowledge();
        clock.Advance(Interval);
        var second = heartbeat.TryBeat();

        Assert.True(first);
        Assert.Equal(Interval, untilSecond);
        Assert.True(second);
    }

    [Fact]
    public void TryBeat_PreviousBeatNeverAcknowledged_ReportsZombie()
    {
        var heartbeat = new DiscordHeartbeat(Interval, 0.5, clock);
        clock.Advance(Interval / 2);

        var first = heartbeat.TryBeat();
        clock.Advance(Interval);
        var second = heartbeat.TryBeat();

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public void TryBeat_AckArrivesJustBeforeNextBeat_NoZombie()
    {
        var heartbeat = new DiscordHeartbeat(Interval, 0, clock);
        heartbeat.TryBeat();
        clock.Advance(Interval - TimeSpan.FromMilliseconds(1));

        heartbeat.Acknowledge();
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(heartbeat.TryBeat());
        Assert.False(heartbeat.TryBeat());
    }

    [Theory]
    [InlineData(4004, DiscordGatewayNext.Stop)]
    [InlineData(4010, DiscordGatewayNext.Stop)]
    [InlineData(4011, DiscordGatewayNext.Stop)]
    [InlineData(4012, DiscordGatewayNext.Stop)]
    [InlineData(4013, DiscordGatewayNext.Stop)]
    [InlineData(4014, DiscordGatewayNext.Stop)]
    [InlineData(4007, DiscordGatewayNext.Identify)]
    [InlineData(4009, DiscordGatewayNext.Identify)]
    [InlineData(4000, DiscordGatewayNext.Resume)]
    [InlineData(4008, DiscordGatewayNext.Resume)]
    [InlineData(1001, DiscordGatewayNext.Resume)]
    [InlineData(null, DiscordGatewayNext.Resume)]
    public void Classify_CloseCode_RetriesOnlyWhatRetryingCanFix(int? code, DiscordGatewayNext expected)
    {
        Assert.Equal(expected, DiscordGatewayClose.Classify(code));
    }
}
