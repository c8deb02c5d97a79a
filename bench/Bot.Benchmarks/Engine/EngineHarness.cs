using System.Diagnostics;
using System.Globalization;

namespace Bot.Benchmarks.Engine;

/// <summary>
/// The delivery engine's targets measured end to end on SQLite with a channel that answers at once: deliveries
/// per second through planning, claiming, sending and recording; import-to-first-send latency; peak memory of a
/// large fan-out. BenchmarkDotNet's repeated iterations suit none of these, so this is a plain load run.
/// </summary>
public static class EngineHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var recipients = Option(args, "--recipients", 50_000);
        var articles = Option(args, "--articles", 100);
        var subscribers = Option(args, "--subscribers", 1_000_000);

        // Memory first: the process's peak working set covers its whole life.
        var memory = subscribers > 0 ? await PeakMemoryAsync(subscribers) : (Bytes: 0L, Seconds: 0.0);
        // The reference runs before and after the engine and the faster run counts: on a shared machine one of
        // them can stall behind someone else's disk writes (seen: 50,000 rows in 40 s right after a build, 3 s
        // a minute later), and the slower would flatter the engine.
        var before = recipients > 0 ? await SqliteReference.RowsPerSecondAsync(recipients, pageSize: 1000, batchSize: 256) : 0;
        var rate = recipients > 0 ? await ThroughputAsync(recipients) : 0;
        if (recipients > 0) await PhasesAsync(recipients);
        var after = recipients > 0 ? await SqliteReference.RowsPerSecondAsync(recipients, pageSize: 1000, batchSize: 256) : 0;
        var reference = Math.Max(before, after);
        var (p50, p99) = articles > 0 ? await LatencyAsync(articles) : (0.0, 0.0);

        Console.WriteLine();
        Console.WriteLine("figure                                         measured        target");
        Console.WriteLine($"deliveries/s ({recipients:N0} recipients, SQLite)       {rate,10:N0}      >= 5,000");
        Console.WriteLine($"reference: raw SQLite insert+update rows/s       {reference,10:N0}      (faster of the runs before and after)");
        Console.WriteLine($"engine / reference                             {(reference > 0 ? rate / reference : 0),10:P0}");
        Console.WriteLine($"inbox-to-first-send p50 ({articles} articles)        {p50,10:N1} ms");
        Console.WriteLine($"inbox-to-first-send p99 ({articles} articles)        {p99,10:N1} ms   < 500 ms");
        Console.WriteLine($"peak working set ({subscribers:N0} fan-out)       {memory.Bytes / 1024.0 / 1024.0,10:N0} MB   < 300 MB  ({memory.Seconds:N0} s)");
        return 0;
    }

    private static async Task<double> ThroughputAsync(int recipients)
    {
        await using var engine = await BenchEngine.CreateAsync(recipients);
        var cpu = ProcessorSeconds();
        var started = Stopwatch.GetTimestamp();
        await engine.ImportAsync("throughput");
        await engine.RunUntilAsync(() => engine.Sender.Sent >= recipients);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        cpu = ProcessorSeconds() - cpu;
        Console.WriteLine($"throughput: {recipients:N0} deliveries in {seconds:N2} s, {cpu:N2} s of CPU ({cpu / recipients * 1e6:N0} µs a delivery); time inside store calls:");
        engine.Timings.Print(Console.Out, seconds);
        return recipients / seconds;
    }

    // The same work with planning and sending one after the other instead of side by side: what each costs on
    // its own, without waiting for the other's hold on SQLite's write lock.
    private static async Task PhasesAsync(int recipients)
    {
        await using var engine = await BenchEngine.CreateAsync(recipients);
        var started = Stopwatch.GetTimestamp();
        await engine.ImportAndPlanAsync("phases");
        var planning = Stopwatch.GetElapsedTime(started).TotalSeconds;
        started = Stopwatch.GetTimestamp();
        await engine.RunUntilAsync(() => engine.Sender.Sent >= recipients);
        var sending = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"phases: planning alone {planning:N2} s ({recipients / planning:N0}/s), then sending alone {sending:N2} s ({recipients / sending:N0}/s)");
        engine.Timings.Print(Console.Out, planning + sending);
    }

    private static async Task<(double P50, double P99)> LatencyAsync(int count)
    {
        await using var engine = await BenchEngine.CreateAsync(0);
        var latencies = new List<double>(count);
        await engine.RunWhileAsync(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                var key = "latency-" + i.ToString(CultureInfo.InvariantCulture);
                var started = Stopwatch.GetTimestamp();
                await engine.ImportAsync(key);
                long sent;
                while (!engine.Sender.TryGetFirstSend(key, out sent)) await Task.Delay(1);
                latencies.Add(Stopwatch.GetElapsedTime(started, sent).TotalMilliseconds);
            }
        });
        latencies.Sort();
        return (Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static async Task<(long Bytes, double Seconds)> PeakMemoryAsync(int subscribers)
    {
        await using var engine = await BenchEngine.CreateAsync(subscribers);
        GC.Collect();
        var started = Stopwatch.GetTimestamp();
        await engine.ImportAsync("memory");
        await engine.RunUntilAsync(() => engine.Sender.Sent >= subscribers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"memory: {subscribers:N0} deliveries in {seconds:N1} s");
        return (process.PeakWorkingSet64, seconds);
    }

    private static double ProcessorSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
