using System.Diagnostics;
using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Bot.IntegrationTests.ScaleOut;
using Bot.IntegrationTests.Support;

namespace Bot.Benchmarks.Cluster;

/// <summary>What <see cref="TakeOverRun"/> measured.</summary>
internal sealed record TakeOverFigures(
    int Hosts, string Killed, int ClaimedAtKill, double PollerElectedSeconds, double CommandAnsweredSeconds, double ClaimedSentSeconds, string Load);

/// <summary>
/// Fail-over with the shipped lease times (<c>Host:Lease</c>, <c>Delivery:Lease:Duration</c>): <c>hosts</c> real
/// <c>bot run</c> processes, the strict fake Bot API for Telegram's update poller, and a dry email fan-out to
/// <c>deliveries</c> subscribers slowed to <see cref="SendLatency"/> a send so that every host holds claimed work.
/// The host that polls getUpdates is killed with SIGKILL in the middle of the fan-out, and an admin command is sent
/// at that moment. Times from the kill: until another host holds the poller's lease, until the command is answered,
/// and until every delivery the killed host had claimed is recorded as sent by another.
/// </summary>
internal static class TakeOverRun
{
    public static readonly TimeSpan SendLatency = TimeSpan.FromMilliseconds(40);
    private const string Poller = "telegram-updates";
    private const string FanOutKey = "cluster-takeover";
    private const long Admin = 42;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static async Task<TakeOverFigures> RunAsync(PostgresDatabase database, ClusterLog log, int hosts, int deliveries, string[] overrides)
    {
        await using var api = await FakeTelegramBotApi.StartAsync();
        await using var cluster = await BotCluster.CreateAsync(database, log, new Dictionary<string, string> { ["Telegram__BotToken"] = api.Token },
        [
            $"--Telegram:ApiBaseUrl={api.BaseUrl}",
            "--Telegram:PollTimeout=00:00:02",
            $"--Telegram:Admins:0={Admin}",
            "--Email:Destinations:0:Name=readers",
            $"--Delivery:DryRunLatency={SendLatency}",
            .. overrides,
        ]);
        await cluster.ExecuteAsync(
            "INSERT INTO subscribers (list, email, status, created_at, updated_at) SELECT 'readers', e, 'active', now(), now() FROM unnest(@Emails) AS e",
            new { Emails = Enumerable.Range(0, deliveries).Select(i => $"r{i:D6}@example.org").ToArray() });
        var started = ClusterHostNames.Take(hosts).Select(name => cluster.Start(name)).ToList();
        foreach (var host in started) await host.Process.WaitUntilHealthyAsync(host.Port);
        await Eventually.HoldsAsync(async () => await cluster.HolderAsync(Poller) is not null, "one host polls Telegram");
        var poller = await cluster.HolderAsync(Poller);
        var victim = started.Single(h => h.Name == poller);
        await ClusterArticles.WaitForInboxAsync(started[0]);

        await ClusterArticles.DropAsync(started[0], FanOutKey, "Take-over");
        await Eventually.HoldsAsync(
            async () => await cluster.QueryScalarAsync<long>("SELECT COUNT(*) FROM deliveries WHERE article_key = @Key", new { Key = FanOutKey }) >= deliveries
                && await ClaimedByAsync(cluster, victim) > 0,
            "the fan-out planned and under way on the poller's host", Limit);

        victim.Process.Crash();
        var killed = Stopwatch.GetTimestamp();
        api.InjectMessage(Admin, Admin, "/status");
        var claimed = await cluster.QueryScalarAsync<long[]>(
            "SELECT COALESCE(array_agg(id), '{}') FROM deliveries WHERE status = 'sending' AND lease_owner LIKE @Owner", new { Owner = victim.Name + ":%" });

        double? elected = null, answered = null, sent = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                elected ??= await cluster.HolderAsync(Poller) is { } holder && holder != victim.Name ? Seconds(killed) : null;
                answered ??= api.VisibleMessages(Admin.ToString(System.Globalization.CultureInfo.InvariantCulture)).Count > 0 ? Seconds(killed) : null;
                sent ??= await cluster.QueryScalarAsync<long>("SELECT COUNT(*) FROM deliveries WHERE id = ANY(@Ids) AND status <> 'sent'", new { Ids = claimed }) == 0
                    ? Seconds(killed)
                    : null;
                return elected is not null && answered is not null && sent is not null;
            },
            "the poller taken over, the command answered and the killed host's deliveries sent", Limit);
        return new TakeOverFigures(hosts, victim.Name, claimed.Length, elected!.Value, answered!.Value, sent!.Value, BenchArguments.LoadAverage());
    }

    private static Task<long> ClaimedByAsync(BotCluster cluster, ClusterHost host) =>
        cluster.QueryScalarAsync<long>("SELECT COUNT(*) FROM deliveries WHERE status = 'sending' AND lease_owner LIKE @Owner", new { Owner = host.Name + ":%" });

    private static double Seconds(long since) => Stopwatch.GetElapsedTime(since).TotalSeconds;
}
