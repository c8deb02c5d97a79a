using System.Diagnostics;

namespace Bot.Benchmarks.Hosting;

/// <summary>Waits on a condition the harness polls, bounded so that a hung bot ends the run with a reason.</summary>
public static class BenchWait
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var until = Stopwatch.GetTimestamp() + (long)(Limit.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > until) throw new TimeoutException($"still waiting for {what} after {Limit.TotalSeconds:N0} s");
            await Task.Delay(20);
        }
    }
}
