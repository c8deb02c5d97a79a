using BenchmarkDotNet.Running;
using Bot.Benchmarks.Cluster;
using Bot.Benchmarks.Engine;
using Bot.Benchmarks.Inbox;
using Bot.Benchmarks.Latency;
using Bot.Benchmarks.TelegramRate;

namespace Bot.Benchmarks;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["engine", .. var rest]) return await EngineHarness.RunAsync(rest);
        if (args is ["telegram", .. var options]) return await TelegramRateHarness.RunAsync(options);
        if (args is ["inbox", .. var inbox]) return await InboxLatencyHarness.RunAsync(inbox);
        if (args is ["latency", .. var latency]) return await LatencyHarness.RunAsync(latency);
        if (args is ["cluster", .. var cluster]) return await ClusterHarness.RunAsync(cluster);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
