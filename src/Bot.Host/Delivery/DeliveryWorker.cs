using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Store;
using Bot.Core.Storage;
using Bot.Host.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Delivery;

/// <summary>
/// The dispatcher inside <c>bot run</c>: once the store answers it records the configured destinations, says
/// which channels run dry, and runs the dispatch loop until the host stops. Every in-process import notice
/// (<see cref="IArticleFeed"/>) wakes it; imports by other processes are found by polling.
/// </summary>
public sealed partial class DeliveryWorker(
    IStoreHealth health,
    IDestinationStore destinations,
    DestinationCatalog catalog,
    ChannelSenderSet senders,
    DeliverySignal signal,
    IArticleFeed feed,
    DispatchLoop loop,
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
        signal.Notify();
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
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // Migrating is idempotent and serialised by the store, so the worker does not depend on who else migrates.
    private async Task<bool> WaitForStoreAsync(CancellationToken stoppingToken)
    {
        for (var failures = 0; ; failures++)
        {
            try
            {
                await health.MigrateAsync(stoppingToken);
                return true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e)
            {
                LogStoreUnavailable(e, failures + 1);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures, 5))), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {Channel} runs dry ({Key} is not set): deliveries are written under the data folder's {Folder} instead of being sent")]
    private partial void LogDryChannel(string channel, string key, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivering to {Count} destinations: {Destinations}")]
    private partial void LogDestinations(int count, string destinations);

    [LoggerMessage(Level = LogLevel.Error, Message = "The store is not available for delivery ({Failures} tries); retrying")]
    private partial void LogStoreUnavailable(Exception exception, int failures);
}
