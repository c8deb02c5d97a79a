using Bot.Benchmarks.Delivery;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Planning;
using Bot.Core.Delivery.Store;
using Bot.Core.Rendering;
using Bot.Core.Storage;
using Bot.Host.Delivery;
using Bot.Storage;
using Bot.Storage.Articles;
using Bot.Storage.Deliveries;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Benchmarks.Engine;

/// <summary>
/// The delivery engine composed exactly as <c>bot run</c> composes it (<c>AddBotStorage</c>, <c>AddBotDelivery</c>) on a
/// throwaway SQLite store with an email list of subscribers (destination <c>readers</c>), with two parts swapped: a
/// channel that answers at once, and a renderer that costs next to nothing. Every store port is wrapped to time its calls.
/// </summary>
public sealed class BenchEngine : IAsyncDisposable
{
    private readonly string _folder;
    private readonly ServiceProvider _services;
    private readonly IArticleStore _articles;
    private readonly DeliverySignal _imported;
    private readonly DispatchLoop _loop;

    private BenchEngine(string folder, ServiceProvider services)
    {
        _folder = folder;
        _services = services;
        _articles = services.GetRequiredService<IArticleStore>();
        _imported = services.GetRequiredService<DeliverySignal>();
        _loop = services.GetRequiredService<DispatchLoop>();
    }

    public FirstSendSender Sender { get; private init; } = null!;

    /// <summary>Time spent in each store call since the engine was created.</summary>
    public CallTimings Timings { get; private init; } = null!;

    /// <summary>A list of <paramref name="recipients"/> subscribers (at least one).</summary>
    public static async Task<BenchEngine> CreateAsync(int recipients, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bot-engine-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "bot.db");
        var values = new Dictionary<string, string?>
        {
            ["Store:Provider"] = "sqlite",
            ["Store:ConnectionString"] = $"Data Source={file}",
            ["Email:Smtp:Host"] = "bench.invalid",
            ["Email:Destinations:0:Name"] = "readers",
            ["Delivery:PollInterval"] = "00:00:01",
            ["Delivery:DataDirectory"] = folder,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var sender = new FirstSendSender(ChannelNames.Email);
        var timings = new CallTimings();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IMessageRenderer>(new PlainRenderer())
            .AddSingleton<IChannelSender>(sender);
        var time = TimeProvider.System;
        services.AddSingleton<IArticleStore>(sp => timings.Wrap<IArticleStore>(new SqlArticleStore(sp.GetRequiredService<IDbConnectionFactory>(), time), "articles"));
        services.AddSingleton<IPlanningStore>(sp => timings.Wrap<IPlanningStore>(new SqlPlanningStore(sp.GetRequiredService<IDbConnectionFactory>(), time), "planning"));
        services.AddSingleton<IClaimStore>(sp => timings.Wrap<IClaimStore>(new SqlClaimStore(sp.GetRequiredService<IDbConnectionFactory>(), time), "claims"));
        services.AddSingleton<IOutcomeStore>(sp => timings.Wrap<IOutcomeStore>(new SqlOutcomeStore(sp.GetRequiredService<IDbConnectionFactory>()), "outcomes"));
        services.AddSingleton<IDestinationStore>(sp => timings.Wrap<IDestinationStore>(new SqlDestinationStore(sp.GetRequiredService<IDbConnectionFactory>(), time), "destinations"));
        services.AddSingleton<IRecipientDirectory>(sp => timings.Wrap<IRecipientDirectory>(new SqlRecipientDirectory(sp.GetRequiredService<IDbConnectionFactory>(), time), "recipients"));
        services.AddBotStorage(configuration).AddBotDelivery(configuration);
        var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IStoreHealth>().MigrateAsync(CancellationToken.None);
        await provider.GetRequiredService<IDestinationStore>().SyncAsync(provider.GetRequiredService<DestinationCatalog>().All, CancellationToken.None);
        Seed(file, Math.Max(recipients, 1));
        timings.Clear();
        return new BenchEngine(folder, provider) { Sender = sender, Timings = timings };
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
        await ImportOnlyAsync(key);
        _imported.Notify();
    }

    /// <summary>Imports an article and plans it to the end without sending anything.</summary>
    public async Task<int> ImportAndPlanAsync(string key)
    {
        await ImportOnlyAsync(key);
        return await _services.GetRequiredService<PlanningRound>().RunAsync(CancellationToken.None);
    }

    /// <summary>Imports an article without waking anything.</summary>
    public Task ImportOnlyAsync(string key) => _articles.ImportAsync(
        new Article { Key = key, Title = "عنوان", Paragraphs = ["نص"], Language = "ar", Received = DateTimeOffset.UtcNow }, CancellationToken.None);

    /// <summary>Plans what is imported, then sends it one claimed batch at a time until nothing is due; returns how many were claimed.</summary>
    public async Task<int> PlanAndDrainAsync()
    {
        await _services.GetRequiredService<PlanningRound>().RunAsync(CancellationToken.None);
        var pipeline = _services.GetRequiredService<DeliveryPipeline>();
        var total = 0;
        int claimed;
        while ((claimed = await pipeline.RunRoundAsync(CancellationToken.None)) > 0) total += claimed;
        return total;
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
