using System.Threading.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Claiming;
using Bot.Core.Delivery.Dispatch;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Core.Tests.Delivery;

/// <summary>Deliveries waiting in memory for their budget, on a fake clock: when each goes back, and in which order.</summary>
public sealed class PacedWaitsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly Channel<long> _handed = Channel.CreateUnbounded<long>();

    private static PreparedDelivery Delivery(long id) =>
        new(new ClaimedDelivery(id, "k", 1, "tg-" + id, "", DeliveryKind.Announce, 1, [], Start.AddMinutes(1)), null, "", null, null);

    private async Task<List<long>> HandedAsync(int count)
    {
        using var patience = new CancellationTokenSource(Patience);
        var ids = new List<long>();
        while (ids.Count < count) ids.Add(await _handed.Reader.ReadAsync(patience.Token));
        return ids;
    }

    [Fact]
    public async Task RunAsync_DueTogether_OldestFirstAndNoneBeforeItsTime()
    {
        var waits = new PacedWaits(_clock);
        using var stop = new CancellationTokenSource();
        var running = waits.RunAsync(d => _handed.Writer.TryWrite(d.Delivery.Id), stop.Token);
        var windowHasRoom = Start.AddMilliseconds(400);
        foreach (var id in new long[] { 30, 10, 20 }) waits.Add(Delivery(id), windowHasRoom);
        waits.Add(Delivery(40), Start.AddMilliseconds(100));

        _clock.Advance(TimeSpan.FromMilliseconds(100));
        var first = await HandedAsync(1);
        _clock.Advance(TimeSpan.FromMilliseconds(299));
        await Task.Delay(50);
        var early = _handed.Reader.TryRead(out _);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var together = await HandedAsync(3);
        await stop.CancelAsync();
        await running;

        Assert.Equal([40], first);
        Assert.False(early);
        Assert.Equal([10, 20, 30], together);
        Assert.Equal(0, waits.Count);
    }

    [Fact]
    public async Task RunAsync_Stopped_HandsOverEveryDeliveryStillWaiting()
    {
        var waits = new PacedWaits(_clock);
        using var stop = new CancellationTokenSource();
        var running = waits.RunAsync(d => _handed.Writer.TryWrite(d.Delivery.Id), stop.Token);
        waits.Add(Delivery(1), Start.AddSeconds(1));
        waits.Add(Delivery(2), Start.AddSeconds(2));

        await stop.CancelAsync();
        await running;

        Assert.Equal([1, 2], (await HandedAsync(2)).Order());
    }
}
