using System.Globalization;
using Bot.Benchmarks.TelegramRate;
using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Bot.IntegrationTests.ScaleOut;
using Bot.IntegrationTests.Support;

namespace Bot.Benchmarks.Cluster;

/// <summary>What <see cref="TelegramBudgetRun"/> measured on one cluster.</summary>
internal sealed record TelegramBudgetFigures(int Hosts, TelegramRateReport Report, int FullWindows, int SlowestWindow, int FastestWindow, string Load);

/// <summary>
/// The shared Telegram budget: <c>hosts</c> real <c>bot run</c> processes on a fresh schema send <c>articles</c>
/// articles, all dropped at once into host A's inbox, to <see cref="Chats"/> private chats through the strict fake Bot
/// API, which answers 429 past its overall limit (30 a second, times <c>scale</c>) or past one a second per chat. The
/// bot's Telegram budgets are scaled alike; its per-chat budget of 20 a minute (Telegram's limit for groups and
/// channels, which the bot applies to every chat) is raised to the private chats' one a second, or the 50 chats could
/// not fill the overall limit. Counts the fake's 429 answers and the sustained rate after the first window.
/// </summary>
internal static class TelegramBudgetRun
{
    public const int Chats = 50;
    private const int Warmup = 1;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static string Chat(int i) => (7001 + i).ToString(CultureInfo.InvariantCulture);

    public static async Task<TelegramBudgetFigures> RunAsync(PostgresDatabase database, ClusterLog log, int hosts, int articles, int scale, string[] overrides)
    {
        var options = new FakeTelegramBotApiOptions().ScaleRateLimits(scale);
        await using var api = await FakeTelegramBotApi.StartAsync(options);
        await using var cluster = await BotCluster.CreateAsync(database, log, new Dictionary<string, string> { ["Telegram__BotToken"] = api.Token },
        [
            $"--Telegram:ApiBaseUrl={api.BaseUrl}",
            "--Telegram:PollTimeout=00:00:02",
            $"--Delivery:Pacing:Channels:telegram:0:Limit={options.GlobalPerSecond}",
            $"--Delivery:Pacing:Channels:telegram:1:Limit={options.PrivatePerSecond}",
            $"--Delivery:Pacing:Channels:telegram:2:Limit={options.PrivatePerSecond * 60}",
            .. Enumerable.Range(0, Chats).SelectMany(i => new[] { $"--Telegram:Destinations:{i}:Name=reader-{i}", $"--Telegram:Destinations:{i}:ChatId={Chat(i)}" }),
            .. overrides,
        ]);
        var started = ClusterHostNames.Take(hosts).Select(name => cluster.Start(name)).ToList();
        foreach (var host in started) await host.Process.WaitUntilHealthyAsync(host.Port);
        var inbox = started[0];
        await ClusterArticles.WaitForInboxAsync(inbox);

        // One article first, unmeasured: the hosts' code compiled, their connections open, every chat's window used once.
        await ClusterArticles.DropAsync(inbox, "cluster-telegram-warmup", "Warm-up");
        await Eventually.HoldsAsync(() => Accepted(api) >= Chats * Warmup, "the warm-up article in every chat", Limit);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var warmupRequests = api.Journal.Count;

        for (var i = 0; i < articles; i++) await ClusterArticles.DropAsync(inbox, $"cluster-telegram-{i:D4}", $"Budget {i}");
        await Eventually.HoldsAsync(() => Accepted(api) >= Chats * (Warmup + articles), $"{articles} articles in every chat", Limit);

        var journal = api.Journal.Skip(warmupRequests).ToList();
        var report = TelegramRateReport.FromJournal(journal, options.GlobalPerSecond);
        var windows = FullWindows(journal);
        return new TelegramBudgetFigures(hosts, report, windows.Count, windows.DefaultIfEmpty().Min(), windows.DefaultIfEmpty().Max(), BenchArguments.LoadAverage());
    }

    private static int Accepted(FakeTelegramBotApi api) => api.Journal.Count(r => r.Method == "sendMessage" && r.StatusCode == 200);

    // Messages accepted in each whole second after the first one (which may burst) and before the last (cut short).
    private static List<int> FullWindows(IReadOnlyList<FakeTelegramRequest> journal)
    {
        var sends = journal.Where(r => r.Method == "sendMessage" && r.StatusCode == 200).Select(r => r.At).Order().ToList();
        if (sends.Count == 0) return [];
        var first = sends[0];
        var buckets = sends.GroupBy(at => (int)((at - first) / TelegramRateReport.Window)).ToDictionary(g => g.Key, g => g.Count());
        var last = buckets.Keys.Max();
        return Enumerable.Range(1, Math.Max(0, last - 1)).Select(b => buckets.GetValueOrDefault(b)).ToList();
    }
}
