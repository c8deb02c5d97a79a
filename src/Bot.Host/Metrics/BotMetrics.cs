using Bot.Core.Delivery.Store;
using Bot.Core.Delivery;
using Bot.Host.Hosting;
using Prometheus;

namespace Bot.Host.Metrics;

/// <summary>
/// What <c>GET /metrics</c> shows, read from the store at each scrape so that every host sharing a database
/// reports the same queue: deliveries per destination and status, paused and disabled destinations, and
/// whether the store answered. The registry is this host's own, so two hosts in one process never mix.
/// </summary>
public sealed class BotMetrics
{
    private static readonly DeliveryStatus[] Statuses = Enum.GetValues<DeliveryStatus>();

    private readonly IDeliveryStatistics _statistics;
    private readonly IDestinationStore _store;
    private readonly StoreReadiness _readiness;
    private readonly Gauge _deliveries;
    private readonly Gauge _paused;
    private readonly Gauge _disabled;
    private readonly Gauge _storeUp;

    public BotMetrics(IDeliveryStatistics statistics, IDestinationStore store, StoreReadiness readiness)
    {
        _statistics = statistics;
        _store = store;
        _readiness = readiness;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _deliveries = factory.CreateGauge("bot_deliveries", "Deliveries in the outbox by destination, channel and status.", "destination", "channel", "status");
        _paused = factory.CreateGauge("bot_destination_paused", "1 while an admin holds the destination's deliveries.", "destination", "channel");
        _disabled = factory.CreateGauge("bot_destination_disabled", "1 once the platform refused the destination for good.", "destination", "channel");
        _storeUp = factory.CreateGauge("bot_store_up", "1 when the store answered this scrape, 0 otherwise.");
        DotNetStats.Register(Registry);
        Registry.AddBeforeCollectCallback(RefreshAsync);
    }

    public CollectorRegistry Registry { get; }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!_readiness.IsReady)
        {
            _storeUp.Set(0);
            return;
        }

        try
        {
            var destinations = await _store.ListAsync(cancellationToken);
            var counts = await _statistics.CountAsync(cancellationToken);
            Publish(destinations, counts);
            _storeUp.Set(1);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A scrape must answer even when the database does not; the gauge says why the rest is stale.
            _storeUp.Set(0);
        }
    }

    private void Publish(IReadOnlyList<DestinationState> destinations, IReadOnlyList<DeliveryCount> counts)
    {
        var channels = destinations.ToDictionary(d => d.Name, d => d.Channel, StringComparer.Ordinal);
        var byDestination = counts.ToLookup(c => c.Destination, StringComparer.Ordinal);
        foreach (var name in channels.Keys.Union(byDestination.Select(g => g.Key), StringComparer.Ordinal))
        {
            var channel = channels.GetValueOrDefault(name, "");
            var known = byDestination[name].ToDictionary(c => c.Status, c => c.Count);
            // Every status is written, zero included, so a queue that drained reads 0 instead of its last value.
            foreach (var status in Statuses)
            {
                _deliveries.WithLabels(name, channel, status.ToString().ToLowerInvariant()).Set(known.GetValueOrDefault(status));
            }
        }

        foreach (var destination in destinations)
        {
            _paused.WithLabels(destination.Name, destination.Channel).Set(destination.Paused ? 1 : 0);
            _disabled.WithLabels(destination.Name, destination.Channel).Set(destination.Disabled ? 1 : 0);
        }
    }
}
