using Bot.Core.Delivery.Claiming;
using Bot.Core.Hosts;
using Bot.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Core.Tests.Hosts;

/// <summary>The election on a fake clock: one holder at a time, and a holder cut off from the store stops before anyone else may start.</summary>
public sealed class StoreLeaderElectorTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly ElectionOptions Options = new() { Lease = TimeSpan.FromSeconds(10) };

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly InMemorySingletonStore _store;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];

    public StoreLeaderElectorTests() => _store = new InMemorySingletonStore(_clock);

    private (StoreLeaderElector Elector, LeaseOwner Owner) Host(string name)
    {
        var owner = new LeaseOwner(name);
        var elector = new StoreLeaderElector(_store, owner, Options, _clock, NullLogger<StoreLeaderElector>.Instance);
        _running.Add(elector.RunAsync(_stop.Token));
        return (elector, owner);
    }

    // Lets the election loops run a round at the current fake time.
    private async Task SettleAsync()
    {
        for (var i = 0; i < 5; i++) await Task.Delay(20);
    }

    private async Task AdvanceAsync(TimeSpan by, TimeSpan step)
    {
        for (var passed = TimeSpan.Zero; passed < by; passed += step)
        {
            _clock.Advance(step);
            await SettleAsync();
        }
    }

    [Fact]
    public async Task Acquire_TwoHosts_OnlyOneHoldsIt()
    {
        var (a, ownerA) = Host("a");
        var (b, _) = Host("b");

        var leaseA = await a.AcquireAsync("planner", CancellationToken.None);
        var waitingB = b.AcquireAsync("planner", CancellationToken.None);
        await AdvanceAsync(TimeSpan.FromSeconds(30), Options.RenewEvery);

        Assert.Equal((ownerA.Name, 1L), (_store.Lease("planner")!.Value.Holder, leaseA.Term));
        Assert.False(waitingB.IsCompleted);
        Assert.False(leaseA.Lost.IsCancellationRequested);
        Assert.Equal(["planner"], a.Held);
        Assert.Empty(b.Held);
    }

    [Fact]
    public async Task CutOff_HolderStopsBeforeTheStoreLetsAnotherTakeOver()
    {
        var (a, ownerA) = Host("a");
        var (b, _) = Host("b");
        var leaseA = await a.AcquireAsync("telegram-updates", CancellationToken.None);
        var lostAt = DateTimeOffset.MaxValue;
        leaseA.Lost.Register(() => lostAt = _clock.GetUtcNow());
        var waitingB = b.AcquireAsync("telegram-updates", CancellationToken.None);

        _store.Fail(ownerA.Name);
        var expiresAt = _store.Lease("telegram-updates")!.Value.ExpiresAt;
        await AdvanceAsync(TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(500));
        var leaseB = await waitingB;

        Assert.True(lostAt < expiresAt, $"stopped at {lostAt:O}, the store's lease ran until {expiresAt:O}");
        Assert.Equal(2, leaseB.Term);
        Assert.Empty(a.Held);
    }

    [Fact]
    public async Task TakenOver_OldTermWritesNothing()
    {
        var (a, ownerA) = Host("a");
        var (b, _) = Host("b");
        var leaseA = await a.AcquireAsync("telegram-updates", CancellationToken.None);
        Assert.True(await a.SetStateAsync("telegram-updates", "offset", "7", CancellationToken.None));
        var waitingB = b.AcquireAsync("telegram-updates", CancellationToken.None);

        _store.Fail(ownerA.Name);
        await AdvanceAsync(TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(500));
        await waitingB;
        _store.Heal(ownerA.Name);

        Assert.False(await _store.SetStateAsync("telegram-updates", ownerA.Name, leaseA.Term, "offset", "5", CancellationToken.None));
        Assert.False(await a.SetStateAsync("telegram-updates", "offset", "5", CancellationToken.None));
        Assert.True(await b.SetStateAsync("telegram-updates", "offset", "8", CancellationToken.None));
        Assert.Equal("8", _store.State["offset"]);
    }

    [Fact]
    public async Task Withdraw_GivesItUpForTheOtherAtOnce()
    {
        var (a, _) = Host("a");
        var (b, ownerB) = Host("b");
        await a.AcquireAsync("maintenance", CancellationToken.None);
        var waitingB = b.AcquireAsync("maintenance", CancellationToken.None);

        a.Withdraw("maintenance");
        await SettleAsync();
        b.Wake();
        await SettleAsync();

        Assert.True(waitingB.IsCompletedSuccessfully);
        Assert.Equal(ownerB.Name, _store.Lease("maintenance")!.Value.Holder);
    }

    [Fact]
    public async Task MarkRun_NextHolderLearnsHowLongAgo()
    {
        var (a, _) = Host("a");
        var leaseA = await a.AcquireAsync("feed:news", CancellationToken.None);
        Assert.Null(leaseA.SinceLastRun);
        Assert.True(await a.MarkRunAsync(leaseA, CancellationToken.None));
        a.Withdraw("feed:news");
        await SettleAsync();
        _clock.Advance(TimeSpan.FromSeconds(40));

        var (b, _) = Host("b");
        var leaseB = await b.AcquireAsync("feed:news", CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(40), leaseB.SinceLastRun);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_running);
        _stop.Dispose();
    }
}
