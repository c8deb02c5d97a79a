using System.Diagnostics;
using Bot.Benchmarks.Hosting;
using Bot.IntegrationTests.ScaleOut;
using Bot.IntegrationTests.Support;

namespace Bot.Benchmarks.Cluster;

/// <summary>What <see cref="DeliveryRun"/> measured on one cluster.</summary>
internal sealed record DeliveryFigures(
    int Hosts, int Articles, double LatencyP50, double LatencyP99, double LatencyMax, int SentElsewhere,
    int Deliveries, double DropToAllSentSeconds, double SentSpanSeconds, IReadOnlyDictionary<string, int> SentBy, string Load)
{
    public double DeliveriesPerSecond => Deliveries / DropToAllSentSeconds;
}

/// <summary>
/// One cluster of <c>hosts</c> real <c>bot run</c> processes on a fresh schema, with the dry email channel (each send
/// one small JSON file in the sending host's outbox, no simulated latency, no send budget) and one list, <c>readers</c>, the one destination measured (the shipped configuration's dry Telegram and Discord
/// destinations get each article too, paced as they would be).
/// First inbox-to-first-send: <c>articles</c> articles renamed into host A's inbox <c>interval</c> apart, the list
/// holding one subscriber, each timed from the rename to its first file in any host's outbox. Then throughput: the
/// list grown to <c>deliveries</c> subscribers and one article dropped into host A, timed until every delivery is
/// recorded as sent.
/// </summary>
internal static class DeliveryRun
{
    private const string LatencyPrefix = "cluster-latency-";
    private const string FanOutKey = "cluster-fanout";
    private const int Warmup = 5;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static async Task<DeliveryFigures> RunAsync(
        PostgresDatabase database, ClusterLog log, int hosts, int articles, TimeSpan interval, int deliveries, string[] overrides)
    {
        await using var cluster = await BotCluster.CreateAsync(database, log, new Dictionary<string, string>(), ["--Email:Destinations:0:Name=readers", .. overrides]);
        await AddSubscribersAsync(cluster, 0, 1);
        var started = ClusterHostNames.Take(hosts).Select(name => cluster.Start(name)).ToList();
        foreach (var host in started) await host.Process.WaitUntilHealthyAsync(host.Port);
        await Eventually.HoldsAsync(async () => await cluster.HolderAsync("planner") is not null, "a host plans");
        var inbox = started[0];
        await ClusterArticles.WaitForInboxAsync(inbox);

        // Inbox to first send.
        var dropped = new List<(string Id, long At)>();
        using (var watch = new OutboxWatch(started, LatencyPrefix))
        {
            for (var i = 0; i < Warmup + articles; i++)
            {
                var id = $"{LatencyPrefix}{i:D4}";
                dropped.Add((id, await ClusterArticles.DropAsync(inbox, id, $"Latency {i}")));
                await Task.Delay(interval);
            }

            await Eventually.HoldsAsync(() => dropped.All(d => watch.FirstSends.ContainsKey(d.Id)), "every article's first send", Limit);
            var measured = dropped.Skip(Warmup).Select(d => (Latency: Stopwatch.GetElapsedTime(d.At, watch.FirstSends[d.Id].At).TotalMilliseconds, watch.FirstSends[d.Id].Host)).ToList();
            var latencies = LatencySummary.Of(measured.Select(m => m.Latency));
            await Eventually.HoldsAsync(async () => await cluster.QueryScalarAsync<long>("SELECT COUNT(*) FROM deliveries WHERE destination = 'readers' AND status <> 'sent'") == 0, "the latency articles recorded as sent", Limit);

            // Throughput.
            await AddSubscribersAsync(cluster, 1, deliveries - 1);
            var start = await ClusterArticles.DropAsync(inbox, FanOutKey, "Fan-out");
            await Eventually.HoldsAsync(
                async () => await cluster.QueryScalarAsync<long>("SELECT COUNT(*) FROM deliveries WHERE article_key = @Key AND destination = 'readers' AND status = 'sent'", new { Key = FanOutKey }) >= deliveries,
                $"{deliveries} deliveries recorded as sent", Limit);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var span = await cluster.QueryScalarAsync<double>(
                "SELECT EXTRACT(EPOCH FROM max(sent_at) - min(sent_at))::float8 FROM deliveries WHERE article_key = @Key AND destination = 'readers'", new { Key = FanOutKey });
            var sentBy = started.ToDictionary(h => h.Name, h => h.DryFiles("email").Count(f => f.Contains(FanOutKey, StringComparison.Ordinal)));
            return new DeliveryFigures(
                hosts, articles, latencies.P50, latencies.P99, latencies.Max,
                measured.Count(m => m.Host != inbox.Name), deliveries, elapsed, span, sentBy, BenchArguments.LoadAverage());
        }
    }

    private static Task AddSubscribersAsync(BotCluster cluster, int from, int count) =>
        cluster.ExecuteAsync(
            "INSERT INTO subscribers (list, email, status, created_at, updated_at) SELECT 'readers', e, 'active', now(), now() FROM unnest(@Emails) AS e",
            new { Emails = Enumerable.Range(from, count).Select(i => $"r{i:D6}@example.org").ToArray() });
}
