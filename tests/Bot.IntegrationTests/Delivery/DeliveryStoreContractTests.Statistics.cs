using Bot.Core.Delivery;
using Bot.Storage.Deliveries;
using Xunit;

namespace Bot.IntegrationTests.Delivery;

public abstract partial class DeliveryStoreContractTests
{
    [SkippableFact]
    public async Task Statistics_MixedOutcomes_CountedPerDestinationAndStatus()
    {
        var store = await ArrangeAsync("a", "b");
        await store.Planning.AddAsync([Planned("a", "tg"), Planned("b", "tg"), Planned("a", "dc"), Planned("a", "mail", recipient: "x@example.org")], CancellationToken.None);
        var claimed = await ClaimAsync(store);
        await store.MarkSentAsync(claimed.Single(c => c.Destination == "tg").Id, "host-a", ["m1"], Clock.GetUtcNow(), CancellationToken.None);
        await store.MarkDeadAsync(claimed.Single(c => c.Destination == "dc").Id, "host-a", "403", [], Clock.GetUtcNow(), CancellationToken.None);
        var (_, _, factory) = await OpenAsync();

        var counts = await new SqlDeliveryStatistics(factory).CountAsync(CancellationToken.None);

        Assert.Equal(
            [
                new DeliveryCount("dc", DeliveryStatus.Dead, 1),
                new DeliveryCount("mail", DeliveryStatus.Sending, 1),
                new DeliveryCount("tg", DeliveryStatus.Queued, 1),
                new DeliveryCount("tg", DeliveryStatus.Sent, 1),
            ],
            counts);
    }

    [SkippableFact]
    public async Task OldestDue_SentSendingFutureAndPausedLeftOut_EarliestDueTimePerChannel()
    {
        var store = await ArrangeAsync("a", "b", "c");
        await store.Planning.AddAsync([Planned("a", "tg"), Planned("a", "dc"), Planned("a", "mail", recipient: "x@example.org"), Planned("c", "tg")], CancellationToken.None);
        var claimed = await ClaimAsync(store);
        await store.MarkSentAsync(claimed.Single(c => c.ArticleKey == "a" && c.Destination == "tg").Id, "host-a", ["m1"], Clock.GetUtcNow(), CancellationToken.None);
        await store.RescheduleAsync(claimed.Single(c => c.Destination == "dc").Id, "host-a", Start.AddSeconds(5), "503", [], countAttempt: true, Clock.GetUtcNow(), CancellationToken.None);
        // The next in telegram's queue comes after the sent one, and is told to wait.
        var next = Assert.Single(await ClaimAsync(store));
        Assert.Equal(("c", "tg"), (next.ArticleKey, next.Destination));
        await store.RescheduleAsync(next.Id, "host-a", Start.AddMinutes(5), "429", [], countAttempt: true, Clock.GetUtcNow(), CancellationToken.None);
        await PassAsync(TimeSpan.FromSeconds(10));
        await store.Planning.AddAsync([Planned("b", "dc"), Planned("b", "mail", recipient: "y@example.org")], CancellationToken.None);
        await store.Destinations.SetPausedAsync("mail", true, CancellationToken.None);
        await PassAsync(TimeSpan.FromSeconds(10));
        var (_, _, factory) = await OpenAsync();

        var due = await new SqlDeliveryStatistics(factory).OldestDueAsync(Clock.GetUtcNow(), CancellationToken.None);

        // discord: the failed one (due at +5) before the queued one (+10); telegram: one sent, the other due in five
        // minutes; email: one claimed, the other behind a pause. Read back on the caller's clock, whichever the store keeps.
        var discord = Assert.Single(due);
        Assert.Equal("discord", discord.Channel);
        Assert.InRange(discord.DueAt, Start, Start.AddSeconds(5));
    }
}
