using Bot.Core.Delivery;
using Bot.Core.Delivery.Store;

namespace Bot.Host.Metrics;

/// <summary>
/// The store's figures for <c>/metrics</c>, read at most once per <see cref="Period"/> however often and however many
/// scrapers ask at once: the counts are a GROUP BY over the whole outbox, and several Prometheus servers (or a
/// dashboard refreshing every second) must not turn into that many queries. A failed read is remembered for the period
/// too, so a database in trouble is not asked again by every scrape.
/// </summary>
public sealed class StoreFiguresCache(IDeliveryStatistics statistics, IDestinationStore destinations, TimeProvider time)
{
    /// <summary>How long one read serves; Prometheus scrapes every 15 s by default, so each scrape still sees fresh figures.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private Read? _last;

    /// <summary>The figures of the last read younger than <see cref="Period"/>, else of a new one; null when that read failed.</summary>
    public async Task<StoreFigures?> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh) return fresh.Figures;

        await _reading.WaitAsync(cancellationToken);
        try
        {
            // Whoever waited while another scrape read takes that read.
            if (Fresh() is { } read) return read.Figures;
            var now = time.GetUtcNow();
            StoreFigures? figures;
            try
            {
                var states = await destinations.ListAsync(cancellationToken);
                var counts = await statistics.CountAsync(cancellationToken);
                var oldest = await statistics.OldestDueAsync(now, cancellationToken);
                figures = new StoreFigures(states, counts, oldest, now);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                figures = null;
            }

            Volatile.Write(ref _last, new Read(figures, now));
            return figures;
        }
        finally
        {
            _reading.Release();
        }
    }

    private Read? Fresh() => Volatile.Read(ref _last) is { } last && time.GetUtcNow() - last.At < Period ? last : null;

    private sealed record Read(StoreFigures? Figures, DateTimeOffset At);
}
