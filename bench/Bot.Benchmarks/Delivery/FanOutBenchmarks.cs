using BenchmarkDotNet.Attributes;
using Bot.Benchmarks.Engine;

namespace Bot.Benchmarks.Delivery;

/// <summary>
/// One article fanned out to an email list on SQLite and sent through a channel that answers at once: planning
/// plus claiming, recording and ordering, per delivery, one claimed batch at a time. Deliveries per second =
/// Recipients / mean time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class FanOutBenchmarks
{
    private BenchEngine _engine = null!;
    private int _iteration;

    [Params(10_000)]
    public int Recipients { get; set; }

    [GlobalSetup]
    public void Setup() => _engine = BenchEngine.CreateAsync(Recipients).GetAwaiter().GetResult();

    [IterationSetup]
    public void Import() => _engine.ImportOnlyAsync($"bench-{++_iteration}").GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> PlanAndSendToEveryRecipientAsync()
    {
        var sent = await _engine.PlanAndDrainAsync();
        return sent == Recipients ? sent : throw new InvalidOperationException($"sent {sent} of {Recipients}");
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
