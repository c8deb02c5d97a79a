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
        var store = await ArrangeAsync("a", "b");
        await store.Planning.AddAsync([Planned("a", "tg"), Planned("a", "dc"), Planned("a", "mail", recipient: "x@example.org")], CancellationToken.None);
        var claimed = await ClaimAsync(store);
        await store.MarkSentAsync(claimed.Single(c => c.Destination == "tg").Id, "host-a", ["m1"], Clock.GetUtcNow(), CancellationToken.None);
        await store.RescheduleAsync(claimed.Single(c => c.Destination == "dc").Id, "host-a", Start.AddSeconds(5), "503", [], countAttempt: true, Clock.GetUtcNow(), CancellationToken.None);
        Clock.Advance(TimeSpan.FromSeconds(10));
        await store.Planning.AddAsync([Planned("b", "tg"), Planned("b", "dc"), Planned("b", "mail", recipient: "y@example.org")], CancellationToken.None);
        await store.Destinations.SetPausedAsync("mail", true, CancellationToken.None);
        Clock.Advance(TimeSpan.FromSeconds(10));
        var (_, _, factory) = await OpenAsync();
        var statistics = new SqlDeliveryStatistics(factory);

        var now = await statistics.OldestDueAsync(Clock.GetUtcNow(), CancellationToken.None);
        var earlier = await statistics.OldestDueAsync(Start.AddSeconds(7), CancellationToken.None);

        // discord: the failed one (due at +5) before the queued one (+10); telegram: only the queued one, the sent one
        // is done; email: one claimed, the other behind a pause.
        Assert.Equal([new OldestDue("discord", Start.AddSeconds(5)), new OldestDue("telegram", Start.AddSeconds(10))], now);
        Assert.Equal([new OldestDue("discord", Start.AddSeconds(5))], earlier);
    }
}
