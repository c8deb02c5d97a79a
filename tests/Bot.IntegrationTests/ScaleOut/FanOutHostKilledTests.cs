using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Bot.IntegrationTests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Bot.IntegrationTests.ScaleOut;

/// <summary>
/// Three <c>bot run</c> hosts on one PostgreSQL database share a fan-out to 2,000 email subscribers (dry, so each
/// host writes what it sends under its own folder) and 30 Telegram channels; one is killed with SIGKILL half-way and
/// never comes back. The survivors take over what it had claimed once its leases run out, and finish.
/// </summary>
public sealed class FanOutHostKilledTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const int Recipients = 2000;
    private const int Channels = 30;
    private const int MaxInFlight = 64;

    private FakeTelegramBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeTelegramBotApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static string Channel(int i) => $"-100100000{i + 1:D4}";

    [SkippableFact]
    public async Task Run_HostKilledMidFanOut_SurvivorsSendEverythingWithDuplicatesBoundedByInFlight()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        await using var cluster = await BotCluster.CreateAsync(database, output, new Dictionary<string, string> { ["Telegram__BotToken"] = _api.Token },
        [
            $"--Telegram:ApiBaseUrl={_api.BaseUrl}",
            "--Telegram:PollTimeout=00:00:02",
            "--Email:Destinations:0:Name=readers",
            "--Delivery:DryRunLatency=00:00:00.040",
            "--Delivery:Parallelism=4",
            "--Delivery:BatchSize=32",
            $"--Delivery:MaxInFlight={MaxInFlight}",
            "--Delivery:Lease:Duration=00:00:05",
            .. Enumerable.Range(0, Channels).SelectMany(i => new[] { $"--Telegram:Destinations:{i}:Name=channel-{i}", $"--Telegram:Destinations:{i}:ChatId={Channel(i)}" }),
        ]);
        await cluster.ExecuteAsync(
            "INSERT INTO subscribers (list, email, status, created_at, updated_at) SELECT 'readers', e, 'active', now(), now() FROM unnest(@Emails) AS e",
            new { Emails = Enumerable.Range(1, Recipients).Select(i => $"r{i:D4}@example.org").ToArray() });
        var hosts = new[] { "host-a", "host-b", "host-c" }.Select(name => cluster.Start(name)).ToList();
        foreach (var host in hosts) await host.Process.WaitUntilHealthyAsync(host.Port);
        var victim = hosts[0];

        await victim.DropAsync("quds.txt", await File.ReadAllTextAsync(Articles.SamplePath));
        await Eventually.HoldsAsync(() => victim.DryFiles("email").Length >= 100, "the fan-out under way on the host to be killed", TimeSpan.FromMinutes(2));
        victim.Process.Crash();
        var sentAtKill = hosts.Sum(h => h.DryFiles("email").Length);
        var survivors = hosts.Skip(1).ToList();
        await Eventually.HoldsAsync(
            () => Served(hosts).Count == Recipients && Enumerable.Range(0, Channels).All(i => _api.VisibleMessages(Channel(i)).Count > 0),
            "every subscriber and every channel served", TimeSpan.FromMinutes(3));
        await Eventually.HoldsAsync(async () => await cluster.QueryScalarAsync<long>("SELECT COUNT(*) FROM deliveries WHERE status <> 'sent'") == 0, "every delivery recorded as sent");

        var files = hosts.SelectMany(h => h.DryFiles("email")).ToList();
        var emailDuplicates = files.Count - Served(hosts).Count;
        var texts = Enumerable.Range(0, Channels).Select(i => _api.VisibleMessages(Channel(i)).Select(m => m.Text).ToList()).ToList();
        var telegramDuplicates = texts.Sum(t => t.Count - t.Distinct().Count());
        output.WriteLine($"{sentAtKill} mails out at the kill ({victim.DryFiles("email").Length} by the killed host); {files.Count} in all, {emailDuplicates} duplicates; "
            + $"{telegramDuplicates} duplicate Telegram messages");
        Assert.InRange(sentAtKill, 1, Recipients - 1);
        Assert.All(survivors, h => Assert.False(h.Process.HasExited, $"{h.Name} exited"));
        Assert.InRange(emailDuplicates + telegramDuplicates, 0, MaxInFlight);
        // Every channel has the whole article, its parts in the same order.
        Assert.All(texts, t => Assert.Equal(texts[0].Distinct(), t.Distinct()));
    }

    private static HashSet<string> Served(IEnumerable<ClusterHost> hosts) =>
        hosts.SelectMany(h => h.DryFiles("email"))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Select(n => n[(n.IndexOf("-v1-", StringComparison.Ordinal) + 4)..].Split('-')[0])
            .ToHashSet();
}
