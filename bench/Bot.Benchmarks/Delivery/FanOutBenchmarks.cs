using BenchmarkDotNet.Attributes;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Timing;
using Bot.Core.Storage;
using Bot.Storage;
using Bot.Storage.Deliveries;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Benchmarks.Delivery;

/// <summary>
/// One article fanned out to an email list on SQLite and sent through a channel that answers at once: planning
/// plus claiming, recording and ordering, per delivery. Deliveries per second = Recipients / mean time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class FanOutBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bot-bench-{Guid.NewGuid():N}");
    private ServiceProvider _services = null!;
    private IDbConnectionFactory _factory = null!;
    private SqlDeliveryStore _store = null!;
    private DeliveryDispatcher _dispatcher = null!;

    [Params(10_000)]
    public int Recipients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Provider"] = "sqlite", ["Store:ConnectionString"] = $"Data Source={Path.Combine(_folder, "bot.db")}" })
            .Build();
        _services = new ServiceCollection().AddBotStorage(configuration).BuildServiceProvider();
        _services.GetRequiredService<IStoreHealth>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        _factory = _services.GetRequiredService<IDbConnectionFactory>();
        var time = TimeProvider.System;
        _store = new SqlDeliveryStore(_factory, time);
        var list = new Destination("readers", ChannelNames.Email, "", null, DestinationFilter.Everything);
        _store.SyncDestinationsAsync([list], CancellationToken.None).GetAwaiter().GetResult();
        _services.GetRequiredService<IArticleStore>().ImportAsync(
            new Article { Key = "bench", Title = "عنوان", Paragraphs = ["نص"], Language = "ar", Received = time.GetUtcNow() }, CancellationToken.None).GetAwaiter().GetResult();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "bot.db")}"))
        {
            connection.Open();
            using var transaction = connection.BeginTransaction();
            connection.Execute(
                "INSERT INTO subscribers (list, email, status, created_at, updated_at) VALUES ('readers', @Email, 'active', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z')",
                Enumerable.Range(1, Recipients).Select(i => new { Email = $"r{i:D7}@example.org" }), transaction);
            transaction.Commit();
        }

        var options = new DispatchOptions { BatchSize = 256, Parallelism = 8, MaxPacingWait = TimeSpan.Zero };
        _dispatcher = new DeliveryDispatcher(
            _store, _services.GetRequiredService<IArticleStore>(), new PlainRenderer(), new SqlRecipientDirectory(_factory, time),
            new ChannelSenderSet([new CountingSender(ChannelNames.Email)], new HashSet<string>()),
            new DestinationCatalog([list]),
            new RetrySchedule(new RetryOptions(), time, new Random(1)),
            new SendPacer(new PacingOptions { Channels = [] }, time),
            new LeaseClock(new LeaseOptions(), time),
            options, time, NullLogger<DeliveryDispatcher>.Instance);
    }

    [IterationSetup]
    public void Reset()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "bot.db")}");
        connection.Open();
        connection.Execute("DELETE FROM deliveries; DELETE FROM delivery_plans;");
    }

    [Benchmark]
    public async Task<int> PlanAndSendToEveryRecipientAsync()
    {
        await _dispatcher.PlanPendingAsync(CancellationToken.None);
        var sent = 0;
        int claimed;
        while ((claimed = await _dispatcher.DispatchOnceAsync(CancellationToken.None)) > 0)
        {
            sent += claimed;
        }
        return sent == Recipients ? sent : throw new InvalidOperationException($"sent {sent} of {Recipients}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
