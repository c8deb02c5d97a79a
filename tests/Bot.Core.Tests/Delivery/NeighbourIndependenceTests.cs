using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Pacing;
using Bot.Core.Tests.Support;
using Xunit;

namespace Bot.Core.Tests.Delivery;

/// <summary>One destination's pacing or backoff never holds up another's sends.</summary>
public sealed class NeighbourIndependenceTests
{
    private static readonly PacingOptions DiscordFivePerFiveSeconds =
        new() { Channels = new() { [ChannelNames.Discord] = [RateBudget.PerTarget(1, TimeSpan.FromSeconds(5))] } };

    [Fact]
    public async Task Round_NeighbourWithItsBudgetSpent_IsNotClaimedAndTheOtherDestinationIsSentInTheSameRound()
    {
        var h = new DispatchHarness([DispatchHarness.Dc("paced"), DispatchHarness.Tg("news")], pacing: DiscordFivePerFiveSeconds);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "a1"));
        await h.DrainAsync();
        await h.ImportAndPlanAsync(TestArticles.Make(key: "a2"));

        var claimed = await h.Pipeline.RunRoundAsync(CancellationToken.None);

        // The fake clock has not moved: the paced neighbour's budget is still spent, so only the other delivery is claimed.
        Assert.Equal(1, claimed);
        Assert.Equal(["a1", "a2"], h.Telegram.Calls.Select(c => c.Target.Reference!.ArticleKey));
        Assert.Equal(["a1"], h.Discord.Calls.Select(c => c.Target.Reference!.ArticleKey));
        Assert.Equal(DeliveryStatus.Sent, h.Store.All.Single(r => r.ArticleKey == "a2" && r.Destination == "news").Status);
        Assert.Equal((DeliveryStatus.Queued, 0), Row(h, "a2", "paced"));
    }

    [Fact]
    public async Task Round_NeighbourHeldByRetryAfter_TheOtherDestinationsNextArticleIsSentInTheSameRound()
    {
        var h = new DispatchHarness([DispatchHarness.Tg("limited", "-101"), DispatchHarness.Tg("news", "-102")]);
        static SendOutcome LimitedRefuses(SendCall call) => call.Target.Destination == "limited"
            ? new SendOutcome.RetryLater([], TimeSpan.FromSeconds(30), "Too Many Requests: retry after 30")
            : new SendOutcome.Sent(["1"]);
        h.Telegram.Then(LimitedRefuses).Then(LimitedRefuses);
        await h.ImportAndPlanAsync(TestArticles.Make(key: "a1"));
        await h.DrainAsync();
        await h.ImportAndPlanAsync(TestArticles.Make(key: "a2"));

        var claimed = await h.Pipeline.RunRoundAsync(CancellationToken.None);

        Assert.Equal(1, claimed);
        Assert.Equal(["limited a1", "news a1", "news a2"], h.Telegram.Calls.Select(c => $"{c.Target.Destination} {c.Target.Reference!.ArticleKey}").Order());
        Assert.Equal((DeliveryStatus.Failed, 1), Row(h, "a1", "limited"));
        Assert.Equal(DeliveryStatus.Sent, h.Store.All.Single(r => r.ArticleKey == "a2" && r.Destination == "news").Status);
    }

    private static (DeliveryStatus, int) Row(DispatchHarness h, string article, string destination)
    {
        var row = h.Store.All.Single(r => r.ArticleKey == article && r.Destination == destination);
        return (row.Status, row.Attempts);
    }
}
