using System.Net;
using System.Net.Http.Headers;
using Bot.IntegrationTests.Admin;
using Xunit;

namespace Bot.IntegrationTests.Http;

/// <summary>
/// Behind a reverse proxy, through the real <c>bot run</c> pipeline: the forwarded headers count only when they come
/// from a configured proxy, and then the rate limits see the real client and cookies are Secure for an https client.
/// Every request here comes from 127.0.0.1, standing in for the proxy.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly (string, string)[] EmailList = [("Email:Destinations:0:Name", "letters"), ("Email:Destinations:0:Language", "en")];

    [Fact]
    public async Task Subscribe_ForwardedForFromAnUnconfiguredPeer_IgnoredSoEveryoneSharesItsBucket()
    {
        await using var host = await AdminHost.StartAsync(AdminHost.Key, EmailList);

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 6; i++)
        {
            statuses.Add(await SubscribeAsync(host, $"203.0.113.{i}"));
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("Http:KnownProxies:0", "127.0.0.1")]
    [InlineData("Http:KnownNetworks:0", "127.0.0.0/8")]
    public async Task Subscribe_ForwardedForFromAConfiguredProxy_EachClientHasItsOwnBucket(string key, string value)
    {
        await using var host = await AdminHost.StartAsync(AdminHost.Key, [.. EmailList, (key, value)]);

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            first.Add(await SubscribeAsync(host, "203.0.113.1"));
        }

        var second = await SubscribeAsync(host, "203.0.113.2");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, 5), HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.Accepted, second);
    }

    [Fact]
    public async Task Subscribe_ClientWritesItsOwnForwardedFor_OnlyTheAddressTheProxyAddedCounts()
    {
        await using var host = await AdminHost.StartAsync(AdminHost.Key, [.. EmailList, ("Http:KnownProxies:0", "127.0.0.1")]);

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 6; i++)
        {
            // The proxy appends the address it saw; whatever the client put before it is the client's to invent.
            statuses.Add(await SubscribeAsync(host, $"198.51.100.{i}, 203.0.113.9"));
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task AdminWithoutTheKey_LimiterCountsTheRealClient()
    {
        await using var host = await AdminHost.StartAsync(AdminHost.Key, ("Http:KnownProxies:0", "127.0.0.1"));
        using var client = host.Client();

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            guesses.Add(await AdminStatusAsync(client, "203.0.113.1"));
        }

        var other = await AdminStatusAsync(client, "203.0.113.2");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), HttpStatusCode.TooManyRequests], guesses);
        Assert.Equal(HttpStatusCode.Unauthorized, other);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task AdminLogin_HttpsAtTheProxy_CookiesSecureOnlyWhenTheProxyIsConfigured(bool configured, bool secure)
    {
        (string, string)[] extra = configured ? [("Http:KnownProxies:0", "127.0.0.1")] : [];
        await using var host = await AdminHost.StartAsync(AdminHost.Key, extra);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.Address };

        using var form = new HttpRequestMessage(HttpMethod.Get, "/admin/login");
        form.Headers.Add("X-Forwarded-Proto", "https");
        using var page = await client.SendAsync(form);
        var formCookie = Assert.Single(page.Headers.GetValues("Set-Cookie"));
        using var login = new HttpRequestMessage(HttpMethod.Post, "/admin/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["form_token"] = AdminHost.FormToken(await page.Content.ReadAsStringAsync()), ["key"] = AdminHost.Key }),
        };
        login.Headers.Add("X-Forwarded-Proto", "https");
        login.Headers.Add("Cookie", formCookie.Split(';')[0]);
        using var signedIn = await client.SendAsync(login);
        var sessionCookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));

        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal(secure, formCookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(secure, sessionCookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AdminApiPause_ThroughAConfiguredProxy_AuditOriginIsTheRealClient()
    {
        await using var host = await AdminHost.StartAsync(AdminHost.Key, ("Http:KnownProxies:0", "127.0.0.1"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/api/destinations/news/pause");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await host.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("http:admin", "http-command", "pause news: paused", "203.0.113.7")], await host.AuditWithOriginAsync());
    }

    private static async Task<HttpStatusCode> SubscribeAsync(AdminHost host, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/subscribe")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = $"r{Guid.NewGuid():N}@example.org" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await host.Anonymous.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> AdminStatusAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/api/status");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-admin-key-at-all");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
