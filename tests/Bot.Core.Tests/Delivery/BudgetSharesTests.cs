using Bot.Core.Delivery.Pacing;
using Xunit;

namespace Bot.Core.Tests.Delivery;

public sealed class BudgetSharesTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(250);

    private static ShareAsk Ask(bool wanted = true, int holding = 0, int used = 0) => new("telegram#0", 30, Second, wanted, holding, used);

    private static ShareRow Live(string holder, int share, bool wanted = true) => new(holder, share, wanted, TimeSpan.FromSeconds(2));

    [Fact]
    public void Decide_AloneAndWanting_GetsTheWholeLimit()
    {
        var grant = BudgetShares.Decide(Ask(), "a", [], Margin);

        Assert.Equal(new ShareGrant("telegram#0", 30, 30), grant);
    }

    [Fact]
    public void Decide_ThreeHostsWanting_SplitEvenlyTheFirstByNameGetTheRemainder()
    {
        var limit31 = Ask() with { Limit = 31 };

        var a = BudgetShares.Decide(limit31, "a", [Live("b", 0), Live("c", 0)], Margin);
        var b = BudgetShares.Decide(limit31, "b", [Live("a", 11), Live("c", 0)], Margin);
        var c = BudgetShares.Decide(limit31, "c", [Live("a", 11), Live("b", 10)], Margin);

        Assert.Equal((11, 10, 10), (a.Fair, b.Fair, c.Fair));
        Assert.Equal((11, 10, 10), (a.Share, b.Share, c.Share));
    }

    [Fact]
    public void Decide_HostsWithFewAndManyChats_TheFewGetWhatTheyCanUseTheManyTheRest()
    {
        var few = BudgetShares.Decide(Ask() with { Demand = 4 }, "a", [Live("b", 0) with { Demand = 40 }, Live("c", 0) with { Demand = 12 }], Margin);
        var many = BudgetShares.Decide(Ask() with { Demand = 40 }, "b", [Live("a", 0) with { Demand = 4 }, Live("c", 0) with { Demand = 12 }], Margin);
        var some = BudgetShares.Decide(Ask() with { Demand = 12 }, "c", [Live("a", 0) with { Demand = 4 }, Live("b", 0) with { Demand = 40 }], Margin);

        Assert.Equal((4, 14, 12), (few.Fair, many.Fair, some.Fair));
    }

    [Fact]
    public void Decide_EveryDemandMet_TheRestSplitEvenly()
    {
        var a = BudgetShares.Decide(Ask() with { Demand = 2 }, "a", [Live("b", 0) with { Demand = 5 }], Margin);
        var b = BudgetShares.Decide(Ask() with { Demand = 5 }, "b", [Live("a", 0) with { Demand = 2 }], Margin);

        Assert.Equal((14, 16), (a.Fair, b.Fair));
    }

    [Fact]
    public void Decide_NewcomerWhileAnotherHoldsAll_GetsNothingYetButItsFairPart()
    {
        var grant = BudgetShares.Decide(Ask(), "b", [Live("a", 30)], Margin);

        Assert.Equal(new ShareGrant("telegram#0", 0, 15), grant);
    }

    [Fact]
    public void Decide_HolderAboveItsFairPart_KeepsItsShareAndLearnsItsPart()
    {
        var grant = BudgetShares.Decide(Ask(holding: 30, used: 30), "a", [Live("b", 0)], Margin);

        Assert.Equal(new ShareGrant("telegram#0", 30, 15), grant);
    }

    [Fact]
    public void Decide_CapacityGivenBack_CountsForAWindowAndTheMarginAfterItsRowEnded()
    {
        var givenBack = new ShareRow(BudgetShares.GivenBackBy("a"), 10, false, TimeSpan.FromMilliseconds(-1200));
        var spent = givenBack with { Remaining = TimeSpan.FromMilliseconds(-1250) };

        var blocked = BudgetShares.Decide(Ask(), "b", [Live("a", 15), givenBack], Margin);
        var free = BudgetShares.Decide(Ask(), "b", [Live("a", 15), spent], Margin);

        Assert.Equal((5, 15), (blocked.Share, blocked.Fair));
        Assert.Equal((15, 15), (free.Share, free.Fair));
        Assert.True(BudgetShares.IsSpent(spent, Second, Margin));
    }

    [Fact]
    public void Decide_HostThatStoppedRenewing_NoLongerWantsButItsShareStillCounts()
    {
        var dead = new ShareRow("a", 30, true, TimeSpan.FromMilliseconds(-500));

        var grant = BudgetShares.Decide(Ask(), "b", [dead], Margin);

        Assert.Equal(new ShareGrant("telegram#0", 0, 30), grant);
    }

    [Fact]
    public void Decide_RequestsStillInTheWindowBeyondTheShare_CountAsOccupied()
    {
        var grant = BudgetShares.Decide(Ask(holding: 10, used: 25), "a", [], Margin);

        Assert.Equal(new ShareGrant("telegram#0", 15, 30), grant);
    }

    [Fact]
    public void Decide_OwnRows_AreNotCountedAsAnotherHostsShare()
    {
        var grant = BudgetShares.Decide(Ask(holding: 20, used: 20), "a", [Live("a", 20), new ShareRow(BudgetShares.GivenBackBy("a"), 5, false, TimeSpan.Zero)], Margin);

        Assert.Equal(new ShareGrant("telegram#0", 30, 30), grant);
    }

    [Fact]
    public void Decide_NotWanting_FairPartIsZero()
    {
        var grant = BudgetShares.Decide(Ask(wanted: false, holding: 30, used: 4), "a", [], Margin);

        Assert.Equal(new ShareGrant("telegram#0", 30, 0), grant);
    }
}
