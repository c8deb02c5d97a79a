using System.Globalization;
using Bot.Benchmarks.TelegramRate;
using Bot.Host.Configuration;
using Bot.IntegrationTests.Support;

namespace Bot.Benchmarks.Cluster;

/// <summary>
/// Many hosts, one bot: real <c>bot run</c> processes (the <c>bot.dll</c> built beside this harness) on a fresh
/// PostgreSQL database on the server named by <c>BOT_TEST_POSTGRES</c>, each cluster on a schema of its own. For each
/// count in <c>--hosts</c> (default <c>1,3</c>, so the ratio comes from one run): inbox-to-first-send and deliveries
/// per second (<see cref="DeliveryRun"/>), then 429s and the sustained rate under the shared Telegram budget
/// (<see cref="TelegramBudgetRun"/>); last, fail-over on the largest cluster (<see cref="TakeOverRun"/>).
/// <c>--parts</c> picks among <c>delivery,telegram,takeover</c>. <c>--Section:Key=value</c> arguments go to every host.
/// Exit code 0 when every target holds: 3 hosts not slower than 1, p99 under 500 ms, no 429, at least 0.9 of the
/// allowed rate, take-over within 15 s.
/// </summary>
public static class ClusterHarness
{
    private const double LatencyTargetMs = 500;
    private const double RateTarget = 0.9;
    private const double TakeOverTargetSeconds = 15;

    public static async Task<int> RunAsync(string[] args)
    {
        var (command, overrides) = ConfigurationArguments.Split(args);
        var hostCounts = (BenchArguments.OptionText(command, "--hosts") ?? "1,3").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
        var parts = (BenchArguments.OptionText(command, "--parts") ?? "delivery,telegram,takeover").Split(',').ToHashSet(StringComparer.OrdinalIgnoreCase);
        var deliveries = BenchArguments.Option(command, "--deliveries", 20_000);
        var articles = BenchArguments.Option(command, "--articles", 100);
        var interval = TimeSpan.FromMilliseconds(BenchArguments.Option(command, "--interval", 300));
        var telegramArticles = BenchArguments.Option(command, "--telegram-articles", 20);
        var scale = BenchArguments.Option(command, "--scale", 1);
        var takeOverDeliveries = BenchArguments.Option(command, "--takeover-deliveries", 20_000);

        var database = new PostgresDatabase();
        await database.InitializeAsync();
        if (database.SkipReason is not null)
        {
            Console.Error.WriteLine(database.SkipReason);
            return 2;
        }

        using var log = new ClusterLog();
        var passed = true;
        try
        {
            var delivery = new List<DeliveryFigures>();
            var telegram = new List<TelegramBudgetFigures>();
            foreach (var hosts in hostCounts)
            {
                if (parts.Contains("delivery"))
                {
                    var figures = await DeliveryRun.RunAsync(database, log, hosts, articles, interval, deliveries, overrides);
                    Print(figures);
                    delivery.Add(figures);
                    passed &= figures.LatencyP99 < LatencyTargetMs;
                }

                if (parts.Contains("telegram"))
                {
                    var figures = await TelegramBudgetRun.RunAsync(database, log, hosts, telegramArticles, scale, overrides);
                    Print(figures, scale);
                    telegram.Add(figures);
                    passed &= figures.Report.TooManyRequests == 0 && figures.Report.Ratio >= RateTarget;
                }
            }

            if (delivery.Count > 1)
            {
                var ratio = delivery[^1].DeliveriesPerSecond / delivery[0].DeliveriesPerSecond;
                Console.WriteLine($"deliveries/s, {delivery[^1].Hosts} hosts / {delivery[0].Hosts}: {ratio:N2}  (target >= 1; 2 cores, no scaling expected)");
                passed &= ratio >= 1;
            }

            if (telegram.Count > 1)
            {
                Console.WriteLine($"Telegram sustained rate, {telegram[^1].Hosts} hosts / {telegram[0].Hosts}: {telegram[^1].Report.Ratio / telegram[0].Report.Ratio:N2}");
            }

            if (parts.Contains("takeover"))
            {
                var figures = await TakeOverRun.RunAsync(database, log, hostCounts.Max(), takeOverDeliveries, overrides);
                Print(figures);
                passed &= figures.PollerElectedSeconds <= TakeOverTargetSeconds && figures.ClaimedSentSeconds <= TakeOverTargetSeconds;
            }
        }
        finally
        {
            await database.DisposeAsync();
            Console.WriteLine($"host logs: {log.Path}");
        }

        Console.WriteLine(passed ? "PASS" : "FAIL");
        return passed ? 0 : 1;
    }

    private static void Print(DeliveryFigures f)
    {
        Console.WriteLine($"== {f.Hosts} host(s), dry email channel (one JSON file per send, no latency, no budget)");
        Console.WriteLine($"inbox-to-first-send p50   {f.LatencyP50,10:N1} ms  ({f.Articles} articles into host-a's inbox; {f.SentElsewhere} first sent by another host)");
        Console.WriteLine($"inbox-to-first-send p99   {f.LatencyP99,10:N1} ms  target < {LatencyTargetMs:N0} ms; max {f.LatencyMax:N1} ms");
        Console.WriteLine($"deliveries/s              {f.DeliveriesPerSecond,10:N0}     {f.Deliveries:N0} in {f.DropToAllSentSeconds:N1} s from the drop to the last recorded as sent");
        Console.WriteLine($"first to last sent_at     {f.SentSpanSeconds,10:N1} s   sent by {string.Join(", ", f.SentBy.Select(p => $"{p.Key} {p.Value:N0}"))}");
        Console.WriteLine($"load average              {f.Load,10}");
    }

    private static void Print(TelegramBudgetFigures f, int scale)
    {
        var r = f.Report;
        Console.WriteLine($"== {f.Hosts} host(s), {TelegramBudgetRun.Chats} private chats, fake Telegram at x{scale}: {r.AllowedPerSecond:N0}/s overall, {scale}/s per chat");
        Console.WriteLine($"messages sent             {r.Messages,10:N0}     in {r.Elapsed.TotalSeconds:N1} s");
        Console.WriteLine($"sustained rate            {r.SustainedPerSecond,10:N1} /s  after the first window; ratio {r.Ratio:N3} (target >= {RateTarget:N1})");
        Console.WriteLine($"whole one-second windows  {f.FullWindows,10}     slowest {f.SlowestWindow}, fastest {f.FastestWindow} accepted");
        Console.WriteLine($"429 answers               {r.TooManyRequests,10:N0}     target 0{(r.OtherFailures > 0 ? $"; {r.OtherFailures} other failed requests" : "")}");
        Console.WriteLine($"load average              {f.Load,10}");
    }

    private static void Print(TakeOverFigures f)
    {
        Console.WriteLine($"== take-over, {f.Hosts} hosts: {f.Killed} (the Telegram poller, {f.ClaimedAtKill} deliveries claimed) killed with SIGKILL");
        Console.WriteLine($"poller lease on another   {f.PollerElectedSeconds,10:N1} s   target <= {TakeOverTargetSeconds:N0} s");
        Console.WriteLine($"admin command answered    {f.CommandAnsweredSeconds,10:N1} s   (sent at the kill)");
        Console.WriteLine($"its claimed work sent     {f.ClaimedSentSeconds,10:N1} s   target <= {TakeOverTargetSeconds:N0} s");
        Console.WriteLine($"load average              {f.Load,10}");
    }
}
