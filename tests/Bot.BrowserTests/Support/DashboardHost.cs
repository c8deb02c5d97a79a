using Bot.Core.Delivery.Store;
using Bot.Core.Admin;
using Bot.Core.Delivery;
using Bot.Host.Hosting;
using Bot.Host.Sources;
using Bot.IntegrationTests.Fakes.TelegramBotApi;
using Bot.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.BrowserTests.Support;

/// <summary>
/// The <c>bot run</c> host in-process (the real composition, Kestrel on a free loopback port, SQLite in a temp
/// folder) sending to the strict fake Bot API: a private channel <c>news</c> (<c>-1001000000001</c>), and Discord and
/// email dry.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    public const string Key = "browser-admin-key-0123456789abcdef";
    public const string Chat = "-1001000000001";

    private readonly TempDirectory _dir = new();
    private WebApplication _app = null!;

    public FakeTelegramBotApi Telegram { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public IDeliveryQueries Store => _app.Services.GetRequiredService<IDeliveryQueries>();

    public IDestinationStore Destinations => _app.Services.GetRequiredService<IDestinationStore>();

    public AdminActions Actions => _app.Services.GetRequiredService<AdminActions>();

    public static async Task<DashboardHost> StartAsync()
    {
        var host = new DashboardHost { Telegram = await FakeTelegramBotApi.StartAsync() };
        var settings = new Dictionary<string, string?>
        {
            ["Store:ConnectionString"] = $"Data Source={host._dir.Combine("bot.db")}",
            ["Sources:Inbox"] = host._dir.Combine("inbox"),
            ["Sources:Seed"] = "",
            ["Delivery:DataDirectory"] = host._dir.Combine("data"),
            ["Delivery:PollInterval"] = "00:00:00.200",
            ["Http:Urls"] = "http://127.0.0.1:0",
            ["Http:AdminKey"] = Key,
            ["Telegram:BotToken"] = host.Telegram.Token,
            ["Telegram:ApiBaseUrl"] = host.Telegram.BaseUrl.ToString(),
            ["Telegram:Destinations:0:Name"] = "news",
            ["Telegram:Destinations:0:ChatId"] = Chat,
            ["Discord:Destinations:0:Name"] = "discord-news",
            ["Discord:Destinations:0:ChannelId"] = "223456789012345678",
            ["Discord:Destinations:0:Color"] = "#1E88E5",
            ["Email:Destinations:0:Name"] = "newsletter",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        host._app = BotWebHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        await host._app.StartAsync();
        host.Address = new Uri(host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await Eventually.HoldsAsync(() => host._app.Services.GetRequiredService<StoreReadiness>().IsReady, "the store is ready");
        await Eventually.HoldsAsync(async () => (await host.Destinations.ListAsync(CancellationToken.None)).Count > 0, "the destinations are recorded");
        return host;
    }

    /// <summary>Imports an article file as the inbox does; returns its key.</summary>
    public async Task<string> ImportAsync(string fileName, string text)
    {
        var outcome = await _app.Services.GetRequiredService<ArticleImporter>()
            .ImportAsync(fileName, System.Text.Encoding.UTF8.GetBytes(text), CancellationToken.None);
        return outcome is FileImportOutcome.Imported imported ? imported.Result.Key : throw new InvalidOperationException(outcome.ToString());
    }

    public async Task<DeliveryRecord> WaitForAsync(string key, DeliveryStatus status, DeliveryKind kind = DeliveryKind.Announce)
    {
        DeliveryRecord? found = null;
        await Eventually.HoldsAsync(
            async () => (found = (await Store.ListAsync(new DeliveryQuery(ArticleKey: key, Destination: "news"), CancellationToken.None))
                .FirstOrDefault(d => d.Kind == kind && d.Status == status)) is not null,
            $"news has a {kind} delivery of {key} that is {status}");
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Telegram.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
