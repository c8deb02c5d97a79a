using System.Net;
using System.Net.Http.Headers;
using Bot.IntegrationTests.Admin;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Metrics;

/// <summary>
/// <c>GET /metrics</c> through the real <c>bot run</c> pipeline: the delivery figures of a real send, open by default
/// on <c>Http:Urls</c>, moved to <c>Http:MetricsUrls</c> or behind <c>Http:MetricsKey</c> when configured.
/// </summary>
public sealed class MetricsHttpTests
{
    private const string MetricsKey = "metrics-key-for-tests-0123456789";

    [Fact]
    public async Task Metrics_AfterAnArticleWentOutDry_SendAndFirstSendFiguresOfTheRealEngine()
    {
        await using var host = await AdminHost.StartAsync();
        var key = await host.ImportAsync("خبر عاجل");
        await host.WaitForDeliveryAsync(key, Core.Delivery.DeliveryStatus.Sent);

        PrometheusText? text = null;
        await Eventually.HoldsAsync(async () =>
        {
            text = PrometheusText.Parse(await host.Anonymous.GetStringAsync("/metrics"));
            return text.Has("bot_article_to_send_seconds_count");
        }, "the first send is measured");

        Assert.Equal(1, text!.Value("bot_article_to_send_seconds_count", ("channel", "telegram")));
        Assert.Equal(1, text.Value("bot_send_seconds_count", ("channel", "telegram"), ("outcome", "sent")));
        Assert.Equal(0, text.Value("bot_throttled_total", ("channel", "telegram")));
        Assert.True(text.Has("bot_oldest_due_delivery_age_seconds"));
    }

    [Fact]
    public async Task Metrics_OwnListenAddress_ServedThereOnlyAndNothingElseThere()
    {
        var port = FreePort.Next();
        await using var host = await AdminHost.StartAsync(AdminHost.Key, ("Http:MetricsUrls", $"http://127.0.0.1:{port}"));
        using var monitoring = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var onMain = await host.Anonymous.GetAsync("/metrics");
        using var there = await monitoring.GetAsync("/metrics");
        using var health = await monitoring.GetAsync("/healthz");
        using var admin = await monitoring.GetAsync("/admin/api/status");
        using var adminOnMain = await host.Api.GetAsync("/admin/api/status");

        Assert.Equal(HttpStatusCode.NotFound, onMain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, there.StatusCode);
        Assert.Equal(1, PrometheusText.Parse(await there.Content.ReadAsStringAsync()).Value("bot_store_up"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminOnMain.StatusCode);
    }

    [Fact]
    public async Task Metrics_KeyConfigured_OnlyTheBearerKeyReadsAndTheAdminKeyDoesNot()
    {
        await using var host = await AdminHost.StartAsync(AdminHost.Key, ("Http:MetricsKey", MetricsKey));

        using var without = await host.Anonymous.GetAsync("/metrics");
        using var admin = await GetAsync(host, AdminHost.Key);
        using var right = await GetAsync(host, MetricsKey);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("Bearer", without.Headers.WwwAuthenticate.ToString());
        Assert.Equal("missing or wrong metrics key: send Authorization: Bearer KEY (Http:MetricsKey)\n", await without.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, admin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(1, PrometheusText.Parse(await right.Content.ReadAsStringAsync()).Value("bot_store_up"));
    }

    [Fact]
    public async Task Metrics_GuessingTheKey_LimitedPerClientWhileTheRightKeyStillReads()
    {
        await using var host = await AdminHost.StartAsync(AdminHost.Key, ("Http:MetricsKey", MetricsKey));

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var guess = await GetAsync(host, "wrong-key-" + i);
            guesses.Add(guess.StatusCode);
        }

        using var right = await GetAsync(host, MetricsKey);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), HttpStatusCode.TooManyRequests], guesses);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    private static Task<HttpResponseMessage> GetAsync(AdminHost host, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return host.Anonymous.SendAsync(request);
    }
}
