using Bot.Benchmarks.Delivery;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Timing;
using Bot.Core.Storage;
using Bot.Storage;
using Bot.Storage.Deliveries;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Benchmarks.Engine;

/// <summary>
/// A throwaway SQLite store with an email list of <c>recipients</c> subscribers (destination <c>readers</c>) when
/// there are any, else one mailbox (<c>desk</c>), and the dispatcher and its loop wired as the host wires them.
/// </summary>
public sealed class BenchEngine : IAsyncDisposable
{
    private readonly string _folder;
    private readonly ServiceProvider _services;
    private readonly IArticleStore _articles;
    private readonly DeliverySignal _imported = new();
    private readonly DispatchLoop _loop;
    private readonly DeliveryDispatcher _dispatcher;

    private BenchEngine(string folder, ServiceProvider services, Destination destination)
    {
        _folder = folder;
        _services = services;
        _articles = Timings.Wrap(services.GetRequiredService<IArticleStore>(), "articles");
        var time = TimeProvider.System;
        var factory = services.GetRequiredService<IDbConnectionFactory>();
        var store = Timings.Wrap<IDeliveryStore>(new SqlDeliveryStore(factory, time), "deliveries");
        Store = store;
        var options = new DispatchOptions { BatchSize = 256, Parallelism = 8, MaxPacingWait = TimeSpan.Zero, PollInterval = TimeSpan.FromSeconds(1) };
        var dispatcher = new DeliveryDispatcher(
            store, _articles, new PlainRenderer(), Timings.Wrap<IRecipientDirectory>(new SqlRecipientDirectory(factory, time), "recipients"),
            new ChannelSenderSet([Sender], new HashSet<string>()),
            new DestinationCatalog([destination]),
            new RetrySchedule(new RetryOptions(), time, new Random(1)),
            new SendPacer(new PacingOptions { Channels = [] }, time),
            new LeaseClock(new LeaseOptions(), time),
            options, time, NullLogger<DeliveryDispatcher>.Instance);
        _dispatcher = dispatcher;
        _loop = new DispatchLoop(dispatcher, store, _imported, options, time, NullLogger<DispatchLoop>.Instance);
    }

    public FirstSendSender Sender { get; } = new(ChannelNames.Email);

    /// <summary>Time spent in each store call since the engine was created.</summary>
    public CallTimings Timings { get; } = new();

    public IDeliveryStore Store { get; }

    public static async Task<BenchEngine> CreateAsync(int recipients)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bot-engine-{Guid.NewGuid():N}");
        var file = Path.Combine(folder, "bot.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Provider"] = "sqlite", ["Store:ConnectionString"] = $"Data Source={file}" })
            .Build();
        var services = new ServiceCollection().AddBotStorage(configuration).BuildServiceProvider();
        await services.GetRequiredService<IStoreHealth>().MigrateAsync(CancellationToken.None);
        var destination = recipients > 0
            ? new Destination("readers", ChannelNames.Email, "", null, DestinationFilter.Everything)
            : new Destination("desk", ChannelNames.Email, "desk@example.org", null, DestinationFilter.Everything);
        await new SqlDeliveryStore(services.GetRequiredService<IDbConnectionFactory>(), TimeProvider.System)
            .SyncDestinationsAsync([destination], CancellationToken.None);
        if (recipients > 0) Seed(file, recipients);
        return new BenchEngine(folder, services, destination);
    }

    // One prepared statement in one transaction: the list is streamed into the file, never held in memory.
    private static void Seed(string file, int recipients)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO subscribers (list, email, status, created_at, updated_at) VALUES ('readers', $email, 'active', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z')";
        var email = command.Parameters.Add("$email", SqliteType.Text);
        command.Prepare();
        for (var i = 1; i <= recipients; i++)
        {
            email.Value = $"r{i:D7}@example.org";
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Imports an article and wakes the planner, as the inbox watcher does.</summary>
    public async Task ImportAsync(string key)
    {
        await _articles.ImportAsync(
            new Article { Key = key, Title = "عنوان", Paragraphs = ["نص"], Language = "ar", Received = DateTimeOffset.UtcNow }, CancellationToken.None);
        _imported.Notify();
    }

    /// <summary>Imports an article and plans it to the end without sending anything.</summary>
    public async Task<int> ImportAndPlanAsync(string key)
    {
        await _articles.ImportAsync(
            new Article { Key = key, Title = "عنوان", Paragraphs = ["نص"], Language = "ar", Received = DateTimeOffset.UtcNow }, CancellationToken.None);
        return await _dispatcher.PlanPendingAsync(CancellationToken.None);
    }

    public Task RunUntilAsync(Func<bool> done) => RunWhileAsync(async () =>
    {
        while (!done()) await Task.Delay(5);
    });

    public async Task RunWhileAsync(Func<Task> work)
    {
        using var stop = new CancellationTokenSource();
        var loop = _loop.RunAsync(stop.Token);
        try
        {
            await work();
        }
        finally
        {
            await stop.CancelAsync();
            await loop;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
