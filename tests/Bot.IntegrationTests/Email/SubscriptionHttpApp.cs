using System.Net;
using Bot.Core.Storage;
using Bot.Storage;
using Bot.Host.Http;
using Bot.Host.Subscriptions;
using Bot.IntegrationTests.Fakes.Smtp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.IntegrationTests.Email;

/// <summary>
/// The subscription endpoints in-process on Kestrel (127.0.0.1, free port) over a throwaway SQLite file, with
/// confirmation mail going to an in-process SMTP server and a fake clock.
/// </summary>
internal sealed class SubscriptionHttpApp : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"bot-subscribe-{Guid.NewGuid():N}");
    private WebApplication? app;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));

    public FakeSmtpServer Smtp { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => app!.Services;

    public static Task<SubscriptionHttpApp> StartAsync(params (string Key, string Value)[] extra) => StartAsync(null, extra);

    /// <param name="configure">Adds to the services last, e.g. to wrap the subscriber store.</param>
    public static async Task<SubscriptionHttpApp> StartAsync(Action<IServiceCollection>? configure, params (string Key, string Value)[] extra)
    {
        var fixture = new SubscriptionHttpApp();
        fixture.Smtp = await FakeSmtpServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Store:Provider"] = "sqlite",
            ["Store:ConnectionString"] = $"Data Source={Path.Combine(fixture.folder, "bot.db")}",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = fixture.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:From"] = "وكالة قدس برس <news@qudspress.example>",
            ["Email:PublicBaseUrl"] = "https://news.example.org",
            ["Email:TokenKey"] = "an integration test key, long enough for HMAC-SHA256",
            ["Email:Destinations:0:Name"] = "أخبار",
            ["Email:Destinations:0:Language"] = "ar",
            ["Email:Destinations:1:Name"] = "sport",
            ["Email:Destinations:1:Language"] = "en",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<TimeProvider>(fixture.Clock);
        builder.Services.AddBotStorage(configuration);
        builder.Services.AddSubscriptionHttp(configuration);
        configure?.Invoke(builder.Services);
        fixture.app = builder.Build();
        fixture.app.UseRateLimiter();
        fixture.app.MapSubscriptionEndpoints();
        try
        {
            await fixture.app.Services.GetRequiredService<IStoreHealth>().MigrateAsync(CancellationToken.None);
            await fixture.app.StartAsync();
        }
        catch
        {
            await fixture.DisposeAsync();
            throw;
        }

        var address = fixture.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fixture.Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        return fixture;
    }

    /// <summary>Waits until the SMTP server holds <paramref name="count"/> messages (the mail goes out from a worker).</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> MailAsync(int count)
    {
        for (var i = 0; i < 200 && Smtp.Messages.Count < count; i++)
        {
            await Task.Delay(50);
        }

        return Smtp.Messages;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (app is not null)
        {
            try
            {
                await app.StopAsync();
            }
            catch (InvalidOperationException)
            {
                // Never started.
            }

            await app.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static string TokenIn(string? text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text ?? string.Empty, "token=([A-Za-z0-9_-]+)");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"no token in: {text}");
    }

    public static HttpStatusCode Status(HttpResponseMessage response) => response.StatusCode;
}
