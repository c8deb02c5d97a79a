using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Host.Hosting;
using Prometheus;

namespace Bot.Host.Metrics;

/// <summary>
/// What <c>GET /metrics</c> shows, in this host's own registry (two hosts in one process never mix): from the store,
/// shared by every host on one database, the deliveries per destination and status, paused and disabled destinations,
/// the age of the oldest due delivery per channel and whether the store answered, read through
/// <see cref="StoreFiguresCache"/>; from this host, the delivery instruments (<see cref="DeliveryInstruments"/>, carried
/// over by <see cref="MeterBridge"/>) and the process's own <c>process_*</c>/<c>dotnet_*</c> figures.
/// </summary>
public sealed class BotMetrics : IDisposable
{
    private static readonly DeliveryStatus[] Statuses = Enum.GetValues<DeliveryStatus>();

    private readonly StoreFiguresCache _store;
    private readonly StoreReadiness _readiness;
    private readonly MeterBridge _bridge;
    private readonly Gauge _deliveries;
    private readonly Gauge _paused;
    private readonly Gauge _disabled;
    private readonly Gauge _oldestDue;
    private readonly Gauge _storeUp;

    public BotMetrics(StoreFiguresCache store, StoreReadiness readiness, DeliveryInstruments instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        _store = store;
        _readiness = readiness;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _deliveries = factory.CreateGauge("bot_deliveries", "Deliveries in the outbox by destination, channel and status.", "destination", "channel", "status");
        _paused = factory.CreateGauge("bot_destination_paused", "1 while an admin holds the destination's deliveries.", "destination", "channel");
        _disabled = factory.CreateGauge("bot_destination_disabled", "1 once the platform refused the destination for good.", "destination", "channel");
        _oldestDue = factory.CreateGauge("bot_oldest_due_delivery_age_seconds",
            "How long the longest-waiting due delivery of the channel has been due (0 when none is); paused and disabled destinations excluded.", "channel");
        _storeUp = factory.CreateGauge("bot_store_up", "1 when the store answered the last read of these figures, 0 otherwise.");
        DotNetStats.Register(Registry);
        _bridge = new MeterBridge(Registry, instruments.Meter);
        foreach (var channel in ChannelNames.All)
        {
            // A counter that appears at 1 hides its first increase from rate(); each channel's starts at 0.
            instruments.Throttled.Add(0, new KeyValuePair<string, object?>("channel", channel));
        }

        Registry.AddBeforeCollectCallback(RefreshAsync);
    }

    public CollectorRegistry Registry { get; }

    public void Dispose() => _bridge.Dispose();

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!_readiness.IsReady)
        {
            _storeUp.Set(0);
            return;
        }

        // A scrape must answer even when the database does not; the gauge says why the rest is stale.
        var figures = await _store.GetAsync(cancellationToken);
        if (figures is not null) Publish(figures);
        _storeUp.Set(figures is null ? 0 : 1);
    }

    private void Publish(StoreFigures figures)
    {
        var channels = figures.Destinations.ToDictionary(d => d.Name, d => d.Channel, StringComparer.Ordinal);
        var byDestination = figures.Counts.ToLookup(c => c.Destination, StringComparer.Ordinal);
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

        foreach (var destination in figures.Destinations)
        {
            _paused.WithLabels(destination.Name, destination.Channel).Set(destination.Paused ? 1 : 0);
            _disabled.WithLabels(destination.Name, destination.Channel).Set(destination.Disabled ? 1 : 0);
        }

        var oldest = figures.OldestDue.ToDictionary(o => o.Channel, o => o.DueAt, StringComparer.Ordinal);
        foreach (var channel in channels.Values.Union(oldest.Keys, StringComparer.Ordinal))
        {
            _oldestDue.WithLabels(channel).Set(oldest.TryGetValue(channel, out var dueAt) ? Math.Max(0, (figures.Read - dueAt).TotalSeconds) : 0);
        }
    }
}
