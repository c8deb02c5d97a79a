using Bot.Core.Delivery.Pacing;
using Xunit;

namespace Bot.Core.Tests.Delivery;

public sealed class TargetHistoryTests
{
    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void WriteThenRead_AgesGrowByTheWait()
    {
        var text = TargetHistory.Write([[], [Ms(0), Ms(350)], [Ms(0), Ms(350), Ms(41_000)]]);

        var read = TargetHistory.Read(text, 3, Ms(100));

        Assert.Equal("|0,350|0,350,41000", text);
        Assert.Equal([[], [Ms(100), Ms(450)], [Ms(100), Ms(450), Ms(41_100)]], read);
    }

    [Fact]
    public void Read_Empty_NoRequestsForEachBudget()
    {
        Assert.Equal([[], [], []], TargetHistory.Read("", 3, Ms(5)));
    }

    [Fact]
    public void Read_OtherNumberOfBudgets_EveryBudgetGetsEveryAge()
    {
        var read = TargetHistory.Read("10|20", 3, TimeSpan.Zero);

        Assert.All(read, ages => Assert.Equal([Ms(10), Ms(20)], ages));
    }
}
