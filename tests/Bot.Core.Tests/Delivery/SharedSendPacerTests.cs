using Bot.Core.Channels;
using Bot.Core.Delivery.Pacing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Core.Tests.Delivery;

/// <summary>
/// The shared pacer's decisions on a fake clock, with the store's answers written out by hand: what it asks for,
/// what it does with what it gets, and that it never uses a share or target longer than it may.
/// </summary>
public sealed class SharedSendPacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private const string Tg = ChannelNames.Telegram;
    private const string Budget = "telegram#0";

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly SharedSendPacer _pacer;

    public SharedSendPacerTests() => _pacer = new SharedSendPacer(new PacingOptions(), _clock);

    private bool Send(string chat)
    {
        using var slot = _pacer.TryEnter(Tg, chat, out _);
        return slot is not null;
    }

    private PacingRequest Exchange(int share, int fair, params TargetGrant[] targets) => Exchange(share, fair, targets, []);

    private PacingRequest Exchange(int share, int fair, TargetGrant[] targets, HoldNotice[] holds)
    {
        var request = _pacer.PrepareExchange("a")!;
        _pacer.Apply(request, new PacingExchange([new ShareGrant(Budget, share, fair)], targets, holds), _clock.GetTimestamp());
        return request;
    }

    private static TargetGrant Held(string chat, string history = "", int ageMs = 0) => new(Tg, chat, true, history, TimeSpan.FromMilliseconds(ageMs));

    [Fact]
    public void TryEnter_NoShareYet_WaitsAMomentAndAsksForOne()
    {
        var slot = _pacer.TryEnter(Tg, "-100", out var notBefore);

        var request = _pacer.PrepareExchange("a")!;
        Assert.Null(slot);
        Assert.Equal(Start + _pacer.Timings.AskWait, notBefore);
        Assert.Equal([new ShareAsk(Budget, 30, TimeSpan.FromSeconds(1), Wanted: true, Holding: 0, Used: 0)], request.Shares);
        Assert.Equal([new TargetAsk(Tg, "-100", TargetAction.Acquire, "")], request.Targets);
    }

    [Fact]
    public void TryEnter_ShareOfTen_TenAWindowAcrossChats()
    {
        for (var i = 1; i <= 12; i++) _pacer.TryEnter(Tg, "-" + i, out _);
        Exchange(10, 10, [.. Enumerable.Range(1, 12).Select(i => Held("-" + i))]);

        var first = Enumerable.Range(1, 12).Count(i => Send("-" + i));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var next = Send("-11");

        Assert.Equal(10, first);
        Assert.True(next);
    }

    [Fact]
    public void PrepareExchange_ChatsAskingWithinTheDemandWindow_AreTheDemand()
    {
        for (var i = 1; i <= 12; i++) _pacer.TryEnter(Tg, "-" + i, out _);
        _clock.Advance(_pacer.Timings.DemandWindow / 2);
        for (var i = 10; i <= 15; i++) _pacer.TryEnter(Tg, "-" + i, out _);
        var fifteen = _pacer.PrepareExchange("a")!.Shares.Single().Demand;

        _clock.Advance(_pacer.Timings.DemandWindow / 2 + TimeSpan.FromMilliseconds(1));
        var six = _pacer.PrepareExchange("a")!.Shares.Single().Demand;

        Assert.Equal((15, 6), (fifteen, six));
    }

    [Fact]
    public void Apply_FairPartBelowTheShare_UsesNoMoreThanItAtOnce()
    {
        _pacer.TryEnter(Tg, "-1", out _);
        Exchange(30, 30, Held("-1"));
        Assert.True(Send("-1"));

        Exchange(30, 1, Held("-1"));
        var request = _pacer.PrepareExchange("a")!;

        Assert.Equal(new ShareAsk(Budget, 30, TimeSpan.FromSeconds(1), Wanted: true, Holding: 1, Used: 1), request.Shares.Single());
    }

    [Fact]
    public void TryEnter_NoExchangeForTheShareTrust_StopsSending()
    {
        _pacer.TryEnter(Tg, "-1", out _);
        _pacer.TryEnter(Tg, "-2", out _);
        Exchange(30, 30, Held("-1"), Held("-2"));
        var before = Send("-1");

        _clock.Advance(_pacer.Timings.ShareTrust);
        var after = Send("-2");

        Assert.True(before);
        Assert.False(after);
    }

    [Fact]
    public void Acquire_TargetWithAnotherHostsRecentRequest_WaitsForItsWindow()
    {
        _pacer.TryEnter(Tg, "42", out _);
        Exchange(30, 30, Held("42", history: "|300|300", ageMs: 100));

        var slot = _pacer.TryEnter(Tg, "42", out var notBefore);
        _clock.Advance(TimeSpan.FromMilliseconds(600));
        var later = Send("42");

        Assert.Null(slot);
        Assert.Equal(Start.AddMilliseconds(600), notBefore);
        Assert.True(later);
    }

    [Fact]
    public void Acquire_HeldElsewhere_AsksAgainAfterAPeriod()
    {
        _pacer.TryEnter(Tg, "42", out _);
        Exchange(30, 30, new TargetGrant(Tg, "42", false, "", TimeSpan.Zero));

        _pacer.TryEnter(Tg, "42", out var notBefore);
        var request = _pacer.PrepareExchange("a")!;

        Assert.Equal(Start + _pacer.Timings.Period, notBefore);
        Assert.Empty(request.Targets);
    }

    [Fact]
    public void Prepare_TargetIdle_GoesBackWithItsRequestsAndIsNotUsedMeanwhile()
    {
        _pacer.TryEnter(Tg, "42", out _);
        Exchange(30, 30, Held("42"));
        Assert.True(Send("42"));
        _clock.Advance(_pacer.Timings.TargetIdle);

        var request = _pacer.PrepareExchange("a")!;
        var whileGoingBack = _pacer.TryEnter(Tg, "42", out _);

        var back = Assert.Single(request.Targets);
        Assert.Equal((TargetAction.Release, "|300|300"), (back.Action, back.History));
        Assert.Null(whileGoingBack);
    }

    [Fact]
    public void Prepare_JustAcquired_KeptForTheSendThatAskedForIt()
    {
        _pacer.TryEnter(Tg, "42", out var comeBack);
        Exchange(30, 30, Held("42"));
        _clock.Advance(comeBack - Start);

        var request = _pacer.PrepareExchange("a")!;
        var sent = Send("42");

        Assert.Equal(TargetAction.Renew, Assert.Single(request.Targets).Action);
        Assert.True(sent);
    }

    [Fact]
    public void Prepare_SendWaitingForTheChatsWindow_KeepsTheTargetPastTargetIdle()
    {
        _pacer.TryEnter(Tg, "42", out _);
        Exchange(30, 30, Held("42"));
        Assert.True(Send("42"));
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Null(_pacer.TryEnter(Tg, "42", out var notBefore));

        _clock.Advance(notBefore - _clock.GetUtcNow() - TimeSpan.FromMilliseconds(1));
        var waiting = Exchange(30, 30, Held("42"));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var sent = Send("42");
        _clock.Advance(_pacer.Timings.TargetIdle);
        var afterwards = _pacer.PrepareExchange("a")!;

        Assert.Equal(Start.AddSeconds(1), notBefore);
        Assert.Equal(TargetAction.Renew, Assert.Single(waiting.Targets).Action);
        Assert.True(sent);
        Assert.Equal(TargetAction.Release, Assert.Single(afterwards.Targets).Action);
    }

    [Fact]
    public void Hold_PassedOnAtTheNextExchange_AndOtherHostsHoldsApply()
    {
        _pacer.TryEnter(Tg, "-1", out _);
        _pacer.TryEnter(Tg, "-2", out _);
        Exchange(30, 30, Held("-1"), Held("-2"));

        _pacer.Hold(Tg, "-1", Start.AddSeconds(3));
        var request = Exchange(30, 30, [Held("-1"), Held("-2")], [new HoldNotice(Tg, null, TimeSpan.FromSeconds(2))]);

        Assert.Equal([new HoldNotice(Tg, "-1", TimeSpan.FromSeconds(3))], request.Holds);
        Assert.Equal(Start.AddSeconds(2), _pacer.NextAllowedAt(Tg, "-2"));
        Assert.Equal(Start.AddSeconds(3), _pacer.NextAllowedAt(Tg, "-1"));
    }

    [Fact]
    public void NextAllowedAt_ForAClaim_DoesNotAskForAnything()
    {
        var channel = _pacer.NextAllowedAt(Tg, null);
        var chat = _pacer.NextAllowedAt(Tg, "-1");

        Assert.Equal((Start, Start), (channel, chat));
        Assert.Null(_pacer.PrepareExchange("a"));
    }

    [Fact]
    public void GiveBack_EverythingHeld_SharesAtZeroTargetsReleased()
    {
        _pacer.TryEnter(Tg, "-1", out _);
        Exchange(30, 30, Held("-1"));
        Assert.True(Send("-1"));

        var last = _pacer.PrepareGiveBack("a")!;

        Assert.Equal(new ShareAsk(Budget, 30, TimeSpan.FromSeconds(1), Wanted: false, Holding: 0, Used: 1, Demand: 0), last.Shares.Single());
        Assert.Equal(TargetAction.Release, last.Targets.Single().Action);
    }
}
