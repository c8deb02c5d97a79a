namespace Bot.Benchmarks.Hosting;

/// <summary>Percentiles of a set of latencies in milliseconds (nearest rank).</summary>
public sealed record LatencySummary(int Count, double P50, double P90, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        if (sorted.Count == 0) throw new ArgumentException("no latencies to summarise", nameof(milliseconds));
        return new LatencySummary(sorted.Count, Percentile(sorted, 0.50), Percentile(sorted, 0.90), Percentile(sorted, 0.99), sorted[^1]);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
