namespace Bot.Benchmarks;

/// <summary>Order statistics of the harnesses' samples.</summary>
public static class BenchStatistics
{
    /// <summary>The nearest-rank percentile <paramref name="p"/> (0 to 1) of samples sorted in ascending order.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
