using System.Diagnostics.Metrics;

namespace Bot.Host.Metrics;

/// <summary>
/// The delivery figures as .NET metric instruments, the API the OpenTelemetry SDK reads: any OpenTelemetry exporter
/// (or <c>dotnet-counters</c>) listening to <see cref="MeterName"/> gets them, and <see cref="MeterBridge"/> puts them
/// on <c>/metrics</c>. Names follow OpenTelemetry's conventions, so its Prometheus naming gives the same names we
/// expose: <c>bot.send</c> in seconds is <c>bot_send_seconds</c>, the counter <c>bot.throttled</c> is <c>bot_throttled_total</c>.
/// The meter comes from the host's <see cref="IMeterFactory"/>, so two hosts in one process keep their figures apart.
/// </summary>
public sealed class DeliveryInstruments
{
    public const string MeterName = "Bot.Delivery";

    /// <summary>From a platform call's duration (milliseconds) to a slow SMTP transaction or a long Telegram split message.</summary>
    public static readonly IReadOnlyList<double> SendBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>From an announcement that went out at once to one that waited hours for a platform or a paused destination.</summary>
    public static readonly IReadOnlyList<double> ArticleToSendBuckets = [0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 10800, 43200];

    public DeliveryInstruments(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        ArticleToSend = Meter.CreateHistogram(
            "bot.article_to_send", "s", "From an article version taken in to its first successful send on a channel.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ArticleToSendBuckets });
        Send = Meter.CreateHistogram(
            "bot.send", "s", "One platform call (send, edit or delete) by channel and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SendBuckets });
        Throttled = Meter.CreateCounter<long>(
            "bot.throttled", null, "Platform answers that asked the bot to wait (HTTP 429 with retry_after).");
    }

    public Meter Meter { get; }

    /// <summary>Seconds, tagged <c>channel</c>.</summary>
    public Histogram<double> ArticleToSend { get; }

    /// <summary>Seconds, tagged <c>channel</c> and <c>outcome</c>.</summary>
    public Histogram<double> Send { get; }

    /// <summary>Tagged <c>channel</c>.</summary>
    public Counter<long> Throttled { get; }
}
