using System.Net;
using Bot.Core.Delivery;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Admin;

/// <summary>
/// Every channel configured with credentials, every platform unreachable (closed loopback ports), so sends fail
/// and their errors are on show: no configured secret may appear in any API or page response.
/// </summary>
public sealed class AdminSecretsTests : IAsyncLifetime
{
    private const string TelegramToken = "123456789:telegram-secret-AAAAAAAAAAAAAAAA";
    private const string DiscordToken = "discord-secret-token.BBBBBBBBBBBBBBBB";
    private const string WebhookToken = "webhook-secret-CCCCCCCCCCCCCCCC";
    private const string SmtpPassword = "smtp-secret-DDDDDDDDDDDDDDDD";
    private const string TokenKey = "token-key-secret-EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE";

    private readonly int _closed = FreePort.Next();
    private AdminHost _host = null!;
    private string _webhook = null!;

    public async Task InitializeAsync()
    {
        _webhook = $"http://127.0.0.1:{_closed}/api/webhooks/123456789012345678/{WebhookToken}";
        _host = await AdminHost.StartAsync(
            AdminHost.Key,
            ("Telegram:BotToken", TelegramToken),
            ("Telegram:ApiBaseUrl", $"http://127.0.0.1:{_closed}"),
            ("Discord:BotToken", DiscordToken),
            ("Discord:ApiBaseUrl", $"http://127.0.0.1:{_closed}/api/v10"),
            ("Discord:Destinations:0:Name", "hook"),
            ("Discord:Destinations:0:WebhookUrl", _webhook),
            ("Email:Smtp:Host", "127.0.0.1"),
            ("Email:Smtp:Port", _closed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Email:Smtp:Username", "mailer"),
            ("Email:Smtp:Password", SmtpPassword),
            ("Email:Smtp:Security", "None"),
            ("Email:From", "news@example.org"),
            ("Email:PublicBaseUrl", "https://news.example.org"),
            ("Email:TokenKey", TokenKey),
            ("Email:Destinations:0:Name", "weekly"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EveryResponse_FailingChannels_ShowsNoSecret()
    {
        var key = await _host.ImportAsync("Nothing gets through");
        await Eventually.HoldsAsync(
            async () => (await _host.Store.Queries.ListAsync(new DeliveryQuery(ArticleKey: key), CancellationToken.None)).Any(d => d.LastError is not null && d.Destination == "hook"),
            "the webhook send failed");
        await Eventually.HoldsAsync(
            async () => (await _host.Store.Queries.ListAsync(new DeliveryQuery(ArticleKey: key), CancellationToken.None)).Any(d => d.LastError is not null && d.Destination == "news"),
            "the Telegram send failed");
        await _host.Store.Destinations.SetDisabledAsync("hook", $"Discord 404 at {_webhook}", CancellationToken.None);
        var bodies = new List<string>();
        foreach (var path in new[] { "/admin/api/status", "/admin/api/destinations", "/admin/api/articles", $"/admin/api/articles/{Uri.EscapeDataString(key)}", "/admin/api/deliveries" })
        {
            bodies.Add(await _host.Api.GetStringAsync(path));
        }
        using var browser = _host.Client();
        var login = await browser.GetStringAsync("/admin/login");
        bodies.Add(login);
        using var signedIn = await browser.PostAsync("/admin/login", new FormUrlEncodedContent([new("form_token", AdminHost.FormToken(login)), new("key", AdminHost.Key)]));
        bodies.Add(await signedIn.Content.ReadAsStringAsync());
        bodies.Add(string.Join("\n", signedIn.Headers.SelectMany(h => h.Value)));
        var dashboard = await browser.GetStringAsync("/admin");
        bodies.Add(dashboard);

        Assert.Contains("<td>hook</td>", dashboard.Replace("<th scope=\"row\">hook</th>", "<td>hook</td>", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("""{"name":"hook","channel":"discord","address":"webhook",""", bodies[1], StringComparison.Ordinal);
        Assert.Contains("\"disabledReason\":\"Discord 404 at webhook\"", bodies[1], StringComparison.Ordinal);
        foreach (var secret in new[] { TelegramToken, "telegram-secret", DiscordToken, WebhookToken, _webhook, SmtpPassword, TokenKey, AdminHost.Key })
        {
            Assert.All(bodies, body => Assert.DoesNotContain(secret, body, StringComparison.Ordinal));
        }
    }
}
