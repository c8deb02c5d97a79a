using System.Diagnostics;
using System.Globalization;
using Bot.Benchmarks.Hosting;
using Bot.IntegrationTests.Fakes.TelegramBotApi;

namespace Bot.Benchmarks.Latency;

/// <summary>How articles are paced and how many of them are measured.</summary>
public sealed record LatencyPlan(int Articles, int Warmup, TimeSpan Interval)
{
    public int Total => Warmup + Articles;
}

/// <summary>
/// One mode's figures: the first (cold) article, the measured ones, the load, what the neighbours did, and how late the
/// harness's own drops were against their schedule (<see cref="HarnessLate"/>): the same machine's stalls, seen from
/// outside the bot, in the same run.
/// </summary>
public sealed record LatencyResult(
    string Via, Neighbour Neighbour, double ColdMs, LatencySummary Measured, LatencySummary HarnessLate, string LoadBefore, string LoadAfter, string Activity)
{
    /// <summary>The 99th percentile must stay under this, in every mode.</summary>
    public const double TargetP99Ms = 250;

    public bool Passed => Measured.P99 < TargetP99Ms;
}

/// <summary>
/// One mode measured: a fresh <c>bot run</c> on a fresh SQLite store, talking to a fresh strict fake Bot API with
/// Telegram's real limits; every article has a Telegram channel of its own (the destination's filter is the article's
/// own tag), so no platform limit binds, and also goes to the mode's neighbours. Each article is timed from its drop
/// to the fake's first <c>sendMessage</c> for its channel.
/// </summary>
public static class LatencyRun
{
    private const string ChatBase = "-100100000";

    public static async Task<LatencyResult> MeasureAsync(string bot, string via, Neighbour neighbour, LatencyPlan plan, IReadOnlyList<string> overrides, string? logFolder)
    {
        await using var telegram = await FakeTelegramBotApi.StartAsync(new FakeTelegramBotApiOptions());
        neighbour.Prepare(telegram);
        await using var discord = await neighbour.StartDiscordAsync();
        var work = Directory.CreateTempSubdirectory("bot-latency-bench-");
        try
        {
            var settings = new List<string> { $"--Telegram:ApiBaseUrl={telegram.BaseUrl}" };
            for (var i = 0; i < plan.Total; i++)
            {
                settings.Add($"--Telegram:Destinations:{i}:Name=channel-{i:D4}");
                settings.Add($"--Telegram:Destinations:{i}:ChatId={Chat(i)}");
                settings.Add($"--Telegram:Destinations:{i}:Filter=tag:{Tag(i)}");
            }

            settings.AddRange(neighbour.Settings(plan.Total, discord));
            if (via == "api") settings.AddRange(ApiDrop.Settings);
            settings.AddRange(overrides);

            var environment = new Dictionary<string, string>(neighbour.Environment(discord)) { ["Telegram__BotToken"] = telegram.Token };
            await using var host = await BotUnderTest.StartAsync(
                bot, work.FullName, settings, environment, logFolder is null ? null : Path.Combine(logFolder, $"{via}-{neighbour.Name}.log"));
            var inbox = Path.Combine(work.FullName, "data", "inbox");
            await BenchWait.UntilAsync(() => Directory.Exists(inbox), "the inbox folder");
            using IArticleDrop drop = via == "api"
                ? new ApiDrop(host.Root)
                : new InboxDrop(inbox, Directory.CreateDirectory(Path.Combine(work.FullName, "staging")).FullName);

            var loadBefore = BenchArguments.LoadAverage();
            var dropped = new DateTimeOffset[plan.Total];
            var late = new double[plan.Total];
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < plan.Total; i++)
            {
                late[i] = (Stopwatch.GetElapsedTime(start) - plan.Interval * i).TotalMilliseconds;
                dropped[i] = await drop.DropAsync(i, Tag(i));
                var next = plan.Interval * (i + 1) - Stopwatch.GetElapsedTime(start);
                if (next > TimeSpan.Zero) await Task.Delay(next);
            }

            var firstSends = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            await BenchWait.UntilAsync(
                () =>
                {
                    foreach (var request in telegram.Journal.Where(r => r.Method.Equals("sendMessage", StringComparison.OrdinalIgnoreCase) && r.Chat is not null))
                    {
                        firstSends.TryAdd(request.Chat!, request.At);
                    }

                    return Enumerable.Range(0, plan.Total).All(i => firstSends.ContainsKey(Chat(i)));
                },
                $"a sendMessage to each of the {plan.Total} channels");

            var latencies = Enumerable.Range(0, plan.Total).Select(i => (firstSends[Chat(i)] - dropped[i]).TotalMilliseconds).ToList();
            if (logFolder is not null)
            {
                await File.WriteAllLinesAsync(
                    Path.Combine(logFolder, $"{via}-{neighbour.Name}.tsv"),
                    Enumerable.Range(0, plan.Total).Select(i => string.Create(CultureInfo.InvariantCulture,
                        $"{Tag(i)}\t{dropped[i]:HH:mm:ss.fff}\t{firstSends[Chat(i)]:HH:mm:ss.fff}\t{latencies[i]:F1}")));
            }

            return new LatencyResult(
                via,
                neighbour,
                latencies[0],
                LatencySummary.Of(latencies.Skip(plan.Warmup)),
                LatencySummary.Of(late.Skip(plan.Warmup)),
                loadBefore,
                BenchArguments.LoadAverage(),
                neighbour.Activity(telegram, discord, Path.Combine(work.FullName, "data")));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Chat(int index) => ChatBase + index.ToString("D4", CultureInfo.InvariantCulture);

    private static string Tag(int index) => "latency-" + index.ToString("D4", CultureInfo.InvariantCulture);
}
