using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Store;
using Bot.Core.Hosts;
using Bot.Core.Storage;
using Bot.Host.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Delivery;

/// <summary>
/// The dispatcher inside <c>bot run</c>: once the store answers it records the configured destinations, says
/// which channels run dry, and runs the dispatch loop until the host stops. Every in-process import notice
/// (<see cref="IArticleFeed"/>) wakes it and, through the store, the other hosts' planner; imports by processes that do
/// not signal are found by polling.
/// </summary>
public sealed partial class DeliveryWorker(
    IStoreHealth health,
    IDestinationStore destinations,
    DestinationCatalog catalog,
    ChannelSenderSet senders,
    DeliverySignal signal,
    IArticleFeed feed,
    DispatchLoop loop,
    IHostSignals signals,
    TimeProvider time,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WaitForStoreAsync(stoppingToken)) return;

        foreach (var channel in senders.DryChannels.Order())
        {
            LogDryChannel(channel, ChannelCredentials.KeyOf(channel), Path.Combine("outbox", channel));
        }
        await destinations.SyncAsync(catalog.All, stoppingToken);
        LogDestinations(catalog.All.Count, string.Join(", ", catalog.All.Select(d => $"{d.Name} ({d.Channel})")));

        var forwarding = ForwardImportsAsync(stoppingToken);
        // An article taken in before the forwarding began (the inbox may start first) is planned now, here or by the
        // host that plans: the feed keeps nothing for a subscriber that was not there yet.
        signal.Notify();
        signals.Publish(HostTopics.Articles);
        await loop.RunAsync(stoppingToken);
        await forwarding;
    }

    private async Task ForwardImportsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in feed.SubscribeAsync(stoppingToken))
            {
                signal.Notify();
                // The planner may run on another host.
                signals.Publish(HostTopics.Articles);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // Migrating is idempotent and serialised by the store, so the worker does not depend on who else migrates.
    private Task<bool> WaitForStoreAsync(CancellationToken stoppingToken) => Hosts.StoreWait.UntilMigratedAsync(health, time, logger, stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {Channel} runs dry ({Key} is not set): deliveries are written under the data folder's {Folder} instead of being sent")]
    private partial void LogDryChannel(string channel, string key, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivering to {Count} destinations: {Destinations}")]
    private partial void LogDestinations(int count, string destinations);
}
