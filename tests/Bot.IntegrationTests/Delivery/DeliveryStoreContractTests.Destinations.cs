using Bot.Core.Channels;
using Bot.Core.Delivery;
using Xunit;

namespace Bot.IntegrationTests.Delivery;

public abstract partial class DeliveryStoreContractTests
{
    private static Destination Group(string chatId) => new("news", ChannelNames.Telegram, chatId, null, DestinationFilter.Everything);

    [SkippableFact]
    public async Task SyncDestinations_AfterTheTargetMoved_KeepsTheNewAddressUntilTheConfigurationChanges()
    {
        var (store, _, _) = await OpenAsync();
        await store.Destinations.SyncAsync([Group("-100")], CancellationToken.None);
        await store.Destinations.SetAddressAsync("news", "-1009999", CancellationToken.None);

        await store.Destinations.SyncAsync([Group("-100")], CancellationToken.None);
        var afterRestart = (await store.Destinations.ListAsync(CancellationToken.None)).Single().Address;
        await store.Destinations.SyncAsync([Group("-200")], CancellationToken.None);
        var afterReconfiguring = (await store.Destinations.ListAsync(CancellationToken.None)).Single().Address;

        Assert.Equal(("-1009999", "-200"), (afterRestart, afterReconfiguring));
    }
}
