using System.Globalization;
using Bot.Channels.Telegram;
using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Store;
using Bot.Core.Rendering;
using Bot.Core.Storage;
using Bot.Host.Composition;
using Bot.Host.Delivery;
using Bot.Host.Sources;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Benchmarks.TelegramRate;

/// <summary>
/// The delivery half of <c>bot run</c> (store, planner, dispatcher, the Telegram sender over HTTP) composed as the
/// host composes it, on a throwaway SQLite file, with <c>chats</c> Telegram channels named <c>chat-0001</c>… and the
/// Telegram budgets of <c>Delivery:Pacing</c> set to the given limits.
/// </summary>
public sealed class TelegramBenchHost : IAsyncDisposable
{
    private readonly string _folder;
    private readonly IHost _host;

    private TelegramBenchHost(string folder, IHost host)
    {
        _folder = folder;
        _host = host;
    }

    public IDeliveryQueries Store => _host.Services.GetRequiredService<IDeliveryQueries>();

    public static async Task<TelegramBenchHost> StartAsync(
        Uri apiBaseUrl, string token, TelegramLimits limits, int chats, IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bot-telegram-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings(folder, apiBaseUrl, token, limits, chats)).AddInMemoryCollection(overrides);
        builder.Services
            .AddBotCore(builder.Configuration)
            .AddTelegramChannel(builder.Configuration)
            .AddBotDelivery(builder.Configuration);
        var host = builder.Build();
        await host.Services.GetRequiredService<IStoreHealth>().MigrateAsync(CancellationToken.None);
        await host.StartAsync();
        return new TelegramBenchHost(folder, host);
    }

    public static string ChatId(int index) => (-1_001_000_000_000L - index).ToString(CultureInfo.InvariantCulture);

    /// <summary>Imports the article file as the inbox does (which wakes the planner) and says how many Telegram parts one chat gets.</summary>
    public async Task<(string Key, int Parts)> ImportAsync(string path)
    {
        var services = _host.Services;
        var outcome = await services.GetRequiredService<ArticleImporter>().ImportFileAsync(path, CancellationToken.None);
        if (outcome is not FileImportOutcome.Imported { Result: var imported })
        {
            throw new InvalidOperationException($"{path}: {(outcome as FileImportOutcome.Rejected)?.Reason}");
        }

        var article = await services.GetRequiredService<IArticleStore>().GetAsync(imported.Key, imported.Version, CancellationToken.None)
            ?? throw new InvalidOperationException($"{imported.Key} is not in the store after its import");
        var destination = services.GetRequiredService<DestinationCatalog>().All.First(d => d.Channel == ChannelNames.Telegram);
        var message = (TelegramMessage)services.GetRequiredService<IMessageRenderer>().Render(article, destination);
        return (imported.Key, message.Parts.Count);
    }

    /// <summary>How many deliveries of <paramref name="articleKey"/> to Telegram destinations are in <paramref name="status"/>.</summary>
    public async Task<int> CountAsync(string articleKey, DeliveryStatus status, int chats)
    {
        var records = await Store.ListAsync(new DeliveryQuery(status, articleKey, Limit: chats + 10), CancellationToken.None);
        return records.Count(r => r.Destination.StartsWith("chat-", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static Dictionary<string, string?> Settings(string folder, Uri apiBaseUrl, string token, TelegramLimits limits, int chats)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            // Discord and email run dry here, which the worker would announce at every start.
            ["Logging:LogLevel:Bot.Host.Delivery.DeliveryWorker"] = "Error",
            ["Store:Provider"] = "sqlite",
            ["Store:ConnectionString"] = $"Data Source={Path.Combine(folder, "bot.db")}",
            ["Delivery:DataDirectory"] = folder,
            ["Delivery:TemplatesFolder"] = Path.Combine(AppContext.BaseDirectory, "templates"),
            ["Telegram:BotToken"] = token,
            ["Telegram:ApiBaseUrl"] = apiBaseUrl.ToString(),
        };

        var budgets = new (string Scope, int Limit, string Window)[]
        {
            ("Channel", limits.GlobalPerSecond, "00:00:01"),
            ("Target", limits.PrivateChatPerSecond, "00:00:01"),
            ("Target", limits.PerChatPerMinute, "00:01:00"),
        };
        for (var i = 0; i < budgets.Length; i++)
        {
            var key = $"Delivery:Pacing:Channels:{ChannelNames.Telegram}:{i}";
            settings[$"{key}:Scope"] = budgets[i].Scope;
            settings[$"{key}:Limit"] = Text(budgets[i].Limit);
            settings[$"{key}:Window"] = budgets[i].Window;
        }

        for (var i = 0; i < chats; i++)
        {
            var key = $"Telegram:Destinations:{i}";
            settings[$"{key}:Name"] = $"chat-{i + 1:D4}";
            settings[$"{key}:ChatId"] = ChatId(i + 1);
        }

        return settings;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
