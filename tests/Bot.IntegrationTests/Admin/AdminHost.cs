using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Bot.Core.Delivery;
using Bot.Host.Hosting;
using Bot.Host.Sources;
using Bot.IntegrationTests.Support;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.IntegrationTests.Admin;

/// <summary>
/// The <c>bot run</c> host in-process (the real composition, Kestrel on a free loopback port, SQLite in a temp
/// folder, every channel dry unless the test configures one) with clients for the admin API and pages.
/// </summary>
internal sealed partial class AdminHost : IAsyncDisposable
{
    public const string Key = "admin-key-for-tests-0123456789";

    private readonly TempDirectory _dir = new();
    private WebApplication _app = null!;

    public Uri Address { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public string DataDirectory => _dir.Combine("data");

    public string DatabasePath => _dir.Combine("bot.db");

    /// <summary>A client that sends the admin key as a bearer token.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>A client with no credentials, no redirects followed.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public static async Task<AdminHost> StartAsync(string? adminKey = Key, params (string Key, string Value)[] extra)
    {
        var host = new AdminHost();
        var settings = new Dictionary<string, string?>
        {
            ["Store:ConnectionString"] = $"Data Source={host.DatabasePath}",
            ["Sources:Inbox"] = host._dir.Combine("inbox"),
            ["Sources:Seed"] = "",
            ["Delivery:DataDirectory"] = host.DataDirectory,
            ["Delivery:PollInterval"] = "00:00:00.200",
            ["Http:Urls"] = "http://127.0.0.1:0",
            ["Http:AdminKey"] = adminKey,
            ["Telegram:Destinations:0:Name"] = "news",
            ["Telegram:Destinations:0:ChatId"] = "-1001000000001",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        host._app = BotWebHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        await host._app.StartAsync();
        host.Address = new Uri(host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await Eventually.HoldsAsync(() => host._app.Services.GetRequiredService<StoreReadiness>().IsReady, "the store is ready");
        await Eventually.HoldsAsync(async () => (await host.Store.Destinations.ListAsync(CancellationToken.None)).Count > 0, "the destinations are recorded");
        host.Api = host.Client();
        host.Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey ?? "none");
        host.Anonymous = host.Client();
        return host;
    }

    public SqlOutbox Store => new(_app.Services.GetRequiredService<Bot.Storage.IDbConnectionFactory>(), _app.Services.GetRequiredService<TimeProvider>());

    /// <summary>A client with its own cookie jar, not following redirects, as a browser tab.</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true }) { BaseAddress = Address };

    /// <summary>Imports an article the way the inbox does and tells the dispatcher; returns its key.</summary>
    public async Task<string> ImportAsync(string title)
    {
        var outcome = await _app.Services.GetRequiredService<ArticleImporter>()
            .ImportAsync($"{Guid.NewGuid():N}.txt", System.Text.Encoding.UTF8.GetBytes(Articles.Text(title)), CancellationToken.None);
        return outcome is FileImportOutcome.Imported imported ? imported.Result.Key : throw new InvalidOperationException(outcome.ToString());
    }

    /// <summary>Imports an article file as the inbox does; returns its key.</summary>
    public async Task<string> ImportFileAsync(string path)
    {
        var outcome = await _app.Services.GetRequiredService<ArticleImporter>().ImportFileAsync(path, CancellationToken.None);
        return outcome is FileImportOutcome.Imported imported ? imported.Result.Key : throw new InvalidOperationException(outcome.ToString());
    }

    public async Task<IReadOnlyList<DeliveryRecord>> DeliveriesAsync(string articleKey, string destination = "news") =>
        [.. (await Store.Queries.ListAsync(new DeliveryQuery(ArticleKey: articleKey, Destination: destination), CancellationToken.None))];

    public async Task<DeliveryRecord> WaitForDeliveryAsync(string articleKey, DeliveryStatus status, DeliveryKind kind = DeliveryKind.Announce, string destination = "news")
    {
        DeliveryRecord? found = null;
        await Eventually.HoldsAsync(
            async () => (found = (await DeliveriesAsync(articleKey, destination)).FirstOrDefault(d => d.Kind == kind && d.Status == status)) is not null,
            $"{destination} has a {kind} delivery of {articleKey} that is {status}");
        return found!;
    }

    /// <summary>Files the dry Telegram channel wrote: what would have been sent.</summary>
    public string[] TelegramOutbox(string pattern = "*.json")
    {
        var folder = Path.Combine(DataDirectory, "outbox", "telegram");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, pattern) : [];
    }

    public async Task<IReadOnlyList<(string Actor, string Action, string Detail)>> AuditAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        return [.. await connection.QueryAsync<(string, string, string)>("SELECT actor, action, detail FROM audit_log ORDER BY id")];
    }

    /// <summary>The audit log with where each row came from, oldest first.</summary>
    public async Task<IReadOnlyList<(string Actor, string Action, string Detail, string? Origin)>> AuditWithOriginAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        return [.. await connection.QueryAsync<(string, string, string, string?)>("SELECT actor, action, detail, origin FROM audit_log ORDER BY id")];
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("no value: " + sql);
    }

    /// <summary>A browser signed in with the login form, as a person would: GET the form, POST it with its token.</summary>
    public async Task<HttpClient> SignInAsync(CookieContainer? cookies = null)
    {
        var browser = Client(cookies);
        var login = await browser.GetStringAsync("/admin/login");
        using var signedIn = await browser.PostAsync("/admin/login", new FormUrlEncodedContent(
            [new KeyValuePair<string, string>("form_token", FormToken(login)), new KeyValuePair<string, string>("key", Key)]));
        if (signedIn.StatusCode != HttpStatusCode.SeeOther) throw new InvalidOperationException($"sign-in answered {signedIn.StatusCode}");
        return browser;
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.ExecuteAsync(sql, parameters);
    }

    public static string FormToken(string html)
    {
        var match = FormTokenField().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("no form token in:\n" + html);
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        Anonymous?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [GeneratedRegex("name=\"form_token\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenField();
}
