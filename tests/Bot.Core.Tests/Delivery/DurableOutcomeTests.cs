using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.Delivery;

/// <summary>An outcome, and every remote id it carries, reaches the store before its claim can be lost.</summary>
public sealed class DurableOutcomeTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task StoreErrorWhileRecording_TheOutcomeIsWrittenLaterAndNothingIsSentTwice()
    {
        var h = new DispatchHarness([DispatchHarness.Tg(), DispatchHarness.Dc()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k"));
        h.Store.FailNextRecords = 3;

        var round = h.Pipeline.RunRoundAsync(None);
        // The recorder backs off on the injected clock between attempts.
        for (var i = 0; i < 50 && !round.IsCompleted; i++)
        {
            await Task.Delay(20);
            h.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await round;
        await h.DrainAsync();

        Assert.Equal(4, h.Store.RecordCalls);
        Assert.Single(h.Telegram.Calls);
        Assert.Single(h.Discord.Calls);
        Assert.All(h.Store.All, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(["telegram-1"], h.Single("tg", DeliveryKind.Announce).RemoteIds);
    }

    [Fact]
    public async Task StoreErrorWhileRecording_TheCorrectionStillFindsTheMessageIdToEdit()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 1));
        h.Store.FailNextRecords = 1;
        var round = h.Pipeline.RunRoundAsync(None);
        for (var i = 0; i < 50 && !round.IsCompleted; i++)
        {
            await Task.Delay(20);
            h.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await round;

        await h.ImportAndPlanAsync(TestArticles.Make(key: "k", version: 2));
        await h.DrainAsync();

        Assert.Equal(["send", "edit"], h.Telegram.Calls.Select(c => c.Action));
        Assert.Equal(["telegram-1"], h.Single("tg", DeliveryKind.Announce).RemoteIds);
        Assert.Equal(["telegram-1"], h.Telegram.Calls[1].Ids);
    }

    [Fact]
    public async Task SendSlowerThanTheLease_LeaseIsRenewedAndAnotherHostCannotTakeIt()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()], options: new DispatchOptions { PollInterval = TimeSpan.FromHours(1), MaxPacingWait = TimeSpan.Zero });
        var other = h.OtherHost();
        var release = new TaskCompletionSource();
        h.Telegram.ThenAsync(async (call, token) =>
        {
            await release.Task.WaitAsync(token);
            return new SendOutcome.Sent(["slow-1"]);
        });
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k"));
        using var stop = new CancellationTokenSource();
        var running = h.Pipeline.RunAsync(stop.Token, CancellationToken.None);
        await Eventually(() => h.Telegram.Calls.Count == 1);

        // Three lease lengths pass while the send runs; the keeper renews every third of one.
        var stolen = 0;
        for (var step = 0; step < 9; step++)
        {
            h.Clock.Advance(h.Leases.Duration / 3);
            await Eventually(() => h.Store.LeaseOf(1).Until > h.Clock.GetUtcNow());
            stolen += await other.Pipeline.RunRoundAsync(None);
        }
        release.SetResult();
        await Eventually(() => h.Store.All.Single().Status == DeliveryStatus.Sent);
        await stop.CancelAsync();
        await running;

        Assert.Equal(0, stolen);
        Assert.Single(h.Telegram.Calls);
        Assert.Equal((DeliveryStatus.Sent, 1), (h.Store.All.Single().Status, h.Store.All.Single().Attempts));
    }

    [Fact]
    public async Task LeaseNotRenewed_AHostThatDiedGivesItsWorkBackAfterTheLease()
    {
        var h = new DispatchHarness([DispatchHarness.Tg()]);
        var survivor = h.OtherHost();
        await h.ImportAndPlanAsync(TestArticles.Make(key: "k"));
        // Claimed by a host that then died: nothing renews its lease.
        await h.Store.ClaimAsync(new(h.Owner.Name, 10, h.Clock.GetUtcNow(), h.Leases.NewLeaseUntil()), None);

        var before = await survivor.Pipeline.RunRoundAsync(None);
        h.Clock.Advance(h.Leases.Duration);
        var after = await survivor.Pipeline.RunRoundAsync(None);

        Assert.Equal((0, 1), (before, after));
        Assert.Equal((DeliveryStatus.Sent, 2), (h.Store.All.Single().Status, h.Store.All.Single().Attempts));
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
