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
}
