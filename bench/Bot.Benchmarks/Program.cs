using BenchmarkDotNet.Running;
using Bot.Benchmarks.Engine;

namespace Bot.Benchmarks;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["engine", .. var rest]) return await EngineHarness.RunAsync(rest);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
