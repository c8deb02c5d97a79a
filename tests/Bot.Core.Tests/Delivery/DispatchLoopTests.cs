using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Bot.Core.Tests.Delivery;

public sealed class DispatchLoopTests
{
    [Fact]
    public async Task Signal_WakesTheLoopWithoutThePollInterval()
    {
        // The fake clock never moves: only the signal can make the loop plan and send.
        var h = new DispatchHarness([DispatchHarness.Tg()], options: new DispatchOptions { PollInterval = TimeSpan.FromHours(1), MaxPacingWait = TimeSpan.Zero });
        var signal = new DeliverySignal();
        var loop = new DispatchLoop(h.Planning, h.Pipeline, signal, h.Options, h.Clock, NullLogger<DispatchLoop>.Instance);
        using var stop = new CancellationTokenSource();
        var running = loop.RunAsync(stop.Token);
        await Task.Delay(50);

        h.Articles.Put(TestArticles.Make(key: "k"));
        h.Store.MarkImported("k", 1);
        signal.Notify();
        var sent = await WaitForAsync(() => h.Telegram.Calls.Count == 1);
        await stop.CancelAsync();
        await running;

        Assert.True(sent);
        Assert.Equal(DeliveryStatus.Sent, h.Single("tg", DeliveryKind.Announce).Status);
    }

    [Fact]
    public async Task Stop_ReleasesLeasesOfSendsThatDoNotFinish()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()], options: new DispatchOptions { PollInterval = TimeSpan.FromHours(1), ShutdownGrace = TimeSpan.FromMilliseconds(50) });
        h.Telegram.ThenAsync(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        var signal = new DeliverySignal();
        var loop = new DispatchLoop(h.Planning, h.Pipeline, signal, h.Options, h.Clock, NullLogger<DispatchLoop>.Instance);
        using var stop = new CancellationTokenSource();
        h.Articles.Put(TestArticles.Make(key: "k"));
        h.Store.MarkImported("k", 1);
        var running = loop.RunAsync(stop.Token);
        Assert.True(await WaitForAsync(() => h.Telegram.Calls.Count == 1));

        await stop.CancelAsync();
        await running;

        var row = h.Single("tg", DeliveryKind.Announce);
        Assert.Equal((DeliveryStatus.Queued, 0), (row.Status, row.Attempts));
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        return condition();
    }
}
