using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prometheus;

namespace Bot.Host.Metrics;

/// <summary>
/// Puts the instruments of one <see cref="Meter"/> on a prometheus-net registry, so that <c>/metrics</c> stays one
/// exposition from one exporter: a <see cref="Counter{T}"/> becomes a Prometheus counter named <c>…_total</c>, a
/// <see cref="Histogram{T}"/> a histogram with the instrument's advised buckets and <c>_seconds</c> for a unit of
/// <c>s</c>, dots become underscores (OpenTelemetry's Prometheus naming). Labels are the tags of the first
/// measurement; later ones are matched by tag name.
/// </summary>
/// <remarks>
/// Not prometheus-net's own MeterAdapter: it publishes counters as gauges (so <c>rate()</c> and the <c>_total</c>
/// convention do not hold) and drops a series that saw no measurement for a while, which a histogram of rare events
/// must not do. Only the given meter is listened to, so another host's meter in the same process never leaks in.
/// </remarks>
public sealed class MeterBridge : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly IMetricFactory _factory;
    private readonly ConcurrentDictionary<Instrument, Bridged> _bridged = new();

    public MeterBridge(CollectorRegistry registry, Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The Prometheus name of an instrument: <c>bot.send</c> in <c>s</c> is <c>bot_send_seconds</c>, the counter <c>bot.throttled</c> is <c>bot_throttled_total</c>.</summary>
    public static string PrometheusName(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var name = instrument.Name.Replace('.', '_');
        if (instrument.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal)) name += "_seconds";
        if (IsCounter(instrument) && !name.EndsWith("_total", StringComparison.Ordinal)) name += "_total";
        return name;
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var bridged = _bridged.TryGetValue(instrument, out var known) ? known : _bridged.GetOrAdd(instrument, Create(instrument, tags));
        var values = new string[bridged.LabelNames.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = "";
            foreach (var tag in tags)
            {
                if (tag.Key == bridged.LabelNames[i]) values[i] = tag.Value?.ToString() ?? "";
            }
        }

        bridged.Record(values, value);
    }

    private Bridged Create(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++) labels[i] = tags[i].Key;
        var name = PrometheusName(instrument);
        var help = instrument.Description ?? instrument.Name;
        return instrument switch
        {
            Histogram<double> histogram => new Bridged(labels, _factory.CreateHistogram(name, help, labels, new HistogramConfiguration
            {
                Buckets = histogram.Advice?.HistogramBucketBoundaries?.ToArray() ?? Histogram.ExponentialBuckets(0.005, 2, 16),
            })),
            _ when IsCounter(instrument) => new Bridged(labels, _factory.CreateCounter(name, help, labels)),
            _ => throw new NotSupportedException($"{instrument.GetType().Name} {instrument.Name} has no Prometheus form here"),
        };
    }

    private static bool IsCounter(Instrument instrument) => instrument is Counter<long> or Counter<double>;

    private sealed class Bridged(string[] labelNames, Collector collector)
    {
        public string[] LabelNames { get; } = labelNames;

        public void Record(string[] labelValues, double value)
        {
            switch (collector)
            {
                case Histogram histogram:
                    histogram.WithLabels(labelValues).Observe(value);
                    break;
                case Counter counter:
                    counter.WithLabels(labelValues).Inc(value);
                    break;
            }
        }
    }
}
