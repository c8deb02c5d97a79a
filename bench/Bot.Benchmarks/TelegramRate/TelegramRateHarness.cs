using System.Diagnostics;
using System.Globalization;
using Bot.Channels.Telegram;
using Bot.Core.Delivery;
using Bot.Host.Configuration;
using Bot.IntegrationTests.Fakes.TelegramBotApi;

namespace Bot.Benchmarks.TelegramRate;

/// <summary>
/// The Telegram speed target: one article announced to <c>--chats</c> channels (default enough for
/// <c>--windows</c>, 30, of the overall limit's one-second windows: 9,000 at the default scale) by the real engine,
/// against the strict fake Bot API with Telegram's limits scaled by <c>--scale</c> (default 10: 300 messages per
/// second overall, 200 per minute per chat) and the bot paced to the same limits. The achieved rate must reach
/// <see cref="TelegramRateReport.Target"/> of the allowed one with no 429; with <c>--runs N</c> the median run
/// must, and no run may see a 429. Exit code 0 only then. <c>--Section:Key=value</c> arguments override the bot's
/// configuration, as they do for <c>bot</c>.
/// </summary>
public static class TelegramRateHarness
{
    private const int WarmUpChats = 64;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    // Lets the runtime finish compiling the optimised code the warm-up asked for.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(string[] args)
    {
        var (command, overrides) = ConfigurationArguments.Split(args);
        var scale = BenchArguments.Option(command, "--scale", 10);
        var windows = BenchArguments.Option(command, "--windows", 30);
        var chats = BenchArguments.Option(command, "--chats", windows * new FakeTelegramBotApiOptions().ScaleRateLimits(scale).GlobalPerSecond);
        var runs = BenchArguments.Option(command, "--runs", 1);
        var timeout = TimeSpan.FromSeconds(BenchArguments.Option(command, "--timeout", 300));
        var article = BenchArguments.OptionText(command, "--article") ?? Path.Combine(AppContext.BaseDirectory, "samples", "quds-press-2023-12.txt");
        var settings = ConfigurationArguments.ToPairs(overrides).ToList();

        // A bot that has been running has its code compiled and its connections open; a first announcement after
        // start-up pays for both. Another fake takes the warm-up so the measured one starts with empty windows.
        await AnnounceAsync(article, WarmUpChats, scale, settings, timeout, quiet: true);
        await Task.Delay(Settle);

        var reports = new List<TelegramRateReport>();
        for (var run = 1; run <= runs; run++)
        {
            if (runs > 1) Console.WriteLine($"run {run} of {runs}");
            var (report, sent, processor) = await AnnounceAsync(article, chats, scale, settings, timeout, quiet: run > 1);
            report.Print(Console.Out);
            Console.WriteLine($"CPU per message       {processor.TotalMilliseconds / Math.Max(report.Messages, 1),10:N2} ms  bot and fake, one process");
            Console.WriteLine($"load average          {BenchArguments.LoadAverage(),10}");
            Console.WriteLine(report.Passed ? "PASS" : "FAIL");
            if (sent != chats)
            {
                Console.WriteLine($"only {sent:N0} of {chats:N0} deliveries were recorded as sent within {timeout.TotalSeconds:N0} s");
                return 1;
            }

            reports.Add(report);
        }

        if (runs == 1) return reports[0].Passed ? 0 : 1;
        var median = reports.Select(r => r.Ratio).Order().ElementAt(runs / 2);
        var passed = median >= TelegramRateReport.Target && reports.All(r => r.TooManyRequests == 0 && r.OtherFailures == 0);
        Console.WriteLine($"ratios {string.Join(" ", reports.Select(r => r.Ratio.ToString("N3", CultureInfo.InvariantCulture)))}; " +
            $"median {median:N3}; 429 answers {reports.Sum(r => r.TooManyRequests)}: {(passed ? "PASS" : "FAIL")}");
        return passed ? 0 : 1;
    }

    private static async Task<(TelegramRateReport Report, int Sent, TimeSpan Processor)> AnnounceAsync(
        string article, int chats, int scale, IReadOnlyList<KeyValuePair<string, string?>> settings, TimeSpan timeout, bool quiet)
    {
        var fakeOptions = new FakeTelegramBotApiOptions().ScaleRateLimits(scale);
        var limits = new TelegramLimits(fakeOptions.GlobalPerSecond, fakeOptions.GroupPerMinute, fakeOptions.PrivatePerSecond);
        await using var fake = await FakeTelegramBotApi.StartAsync(fakeOptions);
        await using var host = await TelegramBenchHost.StartAsync(fake.BaseUrl, fake.Token, limits, chats, settings);

        var (key, parts) = await host.ImportAsync(article);
        if (!quiet)
        {
            Console.WriteLine($"{Path.GetFileName(article)}: {parts} message(s) per chat, {chats:N0} chats, limits x{scale}: " +
                $"{limits.GlobalPerSecond}/s overall, {limits.PerChatPerMinute}/min per chat");
        }

        var started = Stopwatch.GetTimestamp();
        var processor = CpuTime();
        while (Accepted(fake) < chats * parts && Stopwatch.GetElapsedTime(started) < timeout)
        {
            await Task.Delay(Poll);
        }

        processor = CpuTime() - processor;

        // The dispatcher records a round's sends once the whole round is answered.
        var sent = await host.CountAsync(key, DeliveryStatus.Sent, chats);
        while (sent < chats && Stopwatch.GetElapsedTime(started) < timeout)
        {
            await Task.Delay(Poll);
            sent = await host.CountAsync(key, DeliveryStatus.Sent, chats);
        }

        return (TelegramRateReport.FromJournal(fake.Journal, limits.GlobalPerSecond), sent, processor);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static int Accepted(FakeTelegramBotApi fake) => fake.Journal.Count(r => r.StatusCode == 200);

    // The target is a ratio against a fixed limit, not against a reference measured in the same run, so the
    // machine's load belongs beside each figure.
}
