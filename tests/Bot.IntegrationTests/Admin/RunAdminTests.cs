using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Admin;

/// <summary><c>bot run</c> as a process, every channel dry, steered through the admin API with curl's request.</summary>
public sealed class RunAdminTests : IAsyncLifetime
{
    private const string Key = "run-admin-key-9f8e7d6c5b4a3210";

    private readonly TempDirectory _dir = new();
    private readonly int _port = FreePort.Next();
    private BotProcess? _bot;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null) await _bot.DisposeAsync();
        _dir.Dispose();
    }

    private string[] TelegramOutbox() =>
        Directory.Exists(_dir.Combine("data", "outbox", "telegram")) ? Directory.GetFiles(_dir.Combine("data", "outbox", "telegram"), "*.json") : [];

    private HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private Task WaitForHealthAsync() => Healthz.WaitAsync(_port);

    /// <summary>The status of the announcement of the article titled <paramref name="title"/> to <c>news</c>, read through the API.</summary>
    private async Task<string> StatusOfNewsAsync(string title)
    {
        using var client = Client(Key);
        using var articles = JsonDocument.Parse(await client.GetStringAsync("/admin/api/articles"));
        var key = articles.RootElement.EnumerateArray().Where(a => a.GetProperty("title").GetString() == title).Select(a => a.GetProperty("key").GetString()).SingleOrDefault();
        if (key is null) return "none";

        using var deliveries = JsonDocument.Parse(await client.GetStringAsync("/admin/api/deliveries?article=" + Uri.EscapeDataString(key)));
        return deliveries.RootElement.EnumerateArray().Where(d => d.GetProperty("destination").GetString() == "news")
            .Select(d => d.GetProperty("status").GetString()!).SingleOrDefault() ?? "none";
    }

    [Fact]
    public async Task Run_PauseImportResumeThroughTheApi_HeldThenSentAndTheKeyNeverLogged()
    {
        _bot = BotProcess.Start(_dir.Path, "run", $"--Http:Urls=http://127.0.0.1:{_port}", "--Sources:Seed=", "--Delivery:PollInterval=00:00:01",
            "--Telegram:Destinations:0:Name=news", "--Telegram:Destinations:0:ChatId=-1001000000001", $"--Http:AdminKey={Key}");
        await WaitForHealthAsync();
        using var admin = Client(Key);
        using var wrong = Client("not-" + Key);

        var denied = await wrong.GetAsync("/admin/api/status");
        var paused = await admin.PostAsync("/admin/api/destinations/news/pause", null);
        await File.WriteAllTextAsync(_dir.Combine("data", "inbox", "held.tmp"), Articles.Text("Held by the admin"));
        File.Move(_dir.Combine("data", "inbox", "held.tmp"), _dir.Combine("data", "inbox", "held.txt"));
        await Eventually.HoldsAsync(async () => await StatusOfNewsAsync("Held by the admin") == "held", "the delivery to news is held");
        var filesWhilePaused = TelegramOutbox().Length;
        var resumed = await admin.PostAsync("/admin/api/destinations/news/resume", null);
        await Eventually.HoldsAsync(async () => await StatusOfNewsAsync("Held by the admin") == "sent", "the delivery to news is sent");
        _bot.Terminate();
        var result = await _bot.WaitForExitAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal(0, filesWhilePaused);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Single(TelegramOutbox());
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(Key, result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("admin API and pages under /admin are off", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutAdminKey_SaysOnceThatTheAdminApiIsOff()
    {
        _bot = BotProcess.Start(_dir.Path, "run", $"--Http:Urls=http://127.0.0.1:{_port}", "--Sources:Seed=");
        await WaitForHealthAsync();
        using var client = Client("anything-0123456789abcdef");

        var response = await client.GetAsync("/admin/api/status");
        _bot.Terminate();
        var result = await _bot.WaitForExitAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single((result.Output + result.Error).Split('\n'), l => l.Contains("The admin API and pages under /admin are off: Http:AdminKey is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ShortAdminKey_RefusedAtStartNamingTheKey()
    {
        var result = await BotProcess.RunAsync(_dir.Path, "run", $"--Http:Urls=http://127.0.0.1:{_port}", "--Http:AdminKey=short");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("bot: configuration: Http:AdminKey: must be at least 16 characters (a long random string)", result.ErrorLines.Single());
        Assert.DoesNotContain("short", result.Output, StringComparison.Ordinal);
    }
}
