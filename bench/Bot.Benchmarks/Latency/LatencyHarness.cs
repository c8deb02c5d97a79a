using Bot.Benchmarks.Hosting;
using Bot.Host.Configuration;

namespace Bot.Benchmarks.Latency;

/// <summary>
/// News at once, measured as a user's article travels: the real <c>bot run</c> (the <c>bot.dll</c> beside this harness
/// or <c>--bot PATH</c>) and the strict fake Bot API with Telegram's real limits. <c>--articles</c> (default 100)
/// articles <c>--interval</c> ms apart (default 300) after <c>--warmup</c> unmeasured ones (default 5), each with a
/// Telegram channel of its own, reach the bot by an atomic rename into the inbox or a <c>POST /api/articles</c>
/// (<c>--via inbox,api</c>), with the neighbours of <c>--neighbours none,paced,backoff,both</c> (see
/// <see cref="Neighbour"/>); each pair is one fresh run. Each article is timed to the fake's first <c>sendMessage</c> for
/// its channel. Prints the first (cold) article, p50/p90/p99/max of the measured ones, the load average and the 99th
/// percentile of how late the harness's own drops came against their schedule (a stall of the whole machine shows there);
/// exit code 1 when a mode's p99 misses <see cref="LatencyResult.TargetP99Ms"/>. <c>--logs FOLDER</c> keeps each run's
/// bot log there (<c>VIA-NEIGHBOURS.log</c>). <c>--Section:Key=value</c> arguments are passed to the bot.
/// </summary>
public static class LatencyHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (command, overrides) = ConfigurationArguments.Split(args);
        var plan = new LatencyPlan(
            BenchArguments.Option(command, "--articles", 100),
            BenchArguments.Option(command, "--warmup", 5),
            TimeSpan.FromMilliseconds(BenchArguments.Option(command, "--interval", 300)));
        var vias = List(command, "--via", "inbox,api");
        if (vias.FirstOrDefault(v => v is not ("inbox" or "api")) is { } unknown)
        {
            Console.Error.WriteLine($"--via: '{unknown}' is not inbox or api");
            return 1;
        }

        IReadOnlyList<Neighbour> neighbours;
        try
        {
            neighbours = [.. List(command, "--neighbours", "none,paced,backoff,both").Select(Neighbour.Parse)];
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        var logs = BenchArguments.OptionText(command, "--logs") is { } folder ? Directory.CreateDirectory(folder).FullName : null;
        var bot = BotUnderTest.Resolve(BenchArguments.OptionText(command, "--bot"));
        Console.WriteLine($"bot {bot}");
        Console.WriteLine($"{plan.Articles} articles {plan.Interval.TotalMilliseconds:N0} ms apart after {plan.Warmup} unmeasured, one Telegram channel each; to the first sendMessage");
        Console.WriteLine($"{"via",-6} {"neighbours",-10} {"first",8} {"p50",8} {"p90",8} {"p99",8} {"max",8}  {"late p99",8}  {"load",-12} neighbours did");
        var results = new List<LatencyResult>();
        foreach (var via in vias)
        {
            foreach (var neighbour in neighbours)
            {
                var result = await LatencyRun.MeasureAsync(bot, via, neighbour, plan, overrides, logs);
                results.Add(result);
                var m = result.Measured;
                Console.WriteLine(
                    $"{via,-6} {neighbour.Name,-10} {result.ColdMs,8:N1} {m.P50,8:N1} {m.P90,8:N1} {m.P99,8:N1} {m.Max,8:N1}  {result.HarnessLate.P99,8:N1}  {result.LoadBefore + "-" + result.LoadAfter,-12} {result.Activity}");
            }
        }

        var failed = results.Where(r => !r.Passed).ToList();
        Console.WriteLine(failed.Count == 0
            ? $"PASS: p99 < {LatencyResult.TargetP99Ms:N0} ms in every mode (ms; first = the first article after start, unmeasured; late = how late the harness's own drops were)"
            : $"FAIL: p99 >= {LatencyResult.TargetP99Ms:N0} ms in {string.Join(", ", failed.Select(r => r.Via + "/" + r.Neighbour.Name))}");
        return failed.Count == 0 ? 0 : 1;
    }

    private static List<string> List(string[] command, string name, string fallback) =>
        [.. (BenchArguments.OptionText(command, name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
