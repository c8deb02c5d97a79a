using System.Net;
using System.Security.Cryptography;
using System.Text;
using Bot.Host.Http.Admin;
using Xunit;

namespace Bot.IntegrationTests.Admin;

/// <summary>Admin page sessions: a random id per login, kept hashed in the store, expiring, ended by sign-out and by a new key.</summary>
public sealed class AdminSessionTests : IAsyncLifetime
{
    private AdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(id)));

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient browser)
    {
        var login = await browser.GetStringAsync("/admin/login");
        return await browser.PostAsync("/admin/login", new FormUrlEncodedContent(
            [new KeyValuePair<string, string>("form_token", AdminHost.FormToken(login)), new KeyValuePair<string, string>("key", AdminHost.Key)]));
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("bot_admin=", StringComparison.Ordinal));

    [Fact]
    public async Task Login_Twice_EachGetsItsOwnRandomHardenedCookieStoredOnlyAsAHash()
    {
        using var first = _host.Client();
        using var second = _host.Client();

        using var one = await LoginAsync(first);
        using var two = await LoginAsync(second);
        var cookie = SessionCookie(one);
        var id = cookie.Split(';')[0]["bot_admin=".Length..];

        Assert.Equal(HttpStatusCode.SeeOther, one.StatusCode);
        Assert.Equal("/admin", one.Headers.Location?.OriginalString);
        Assert.NotEqual(id, SessionCookie(two).Split(';')[0]["bot_admin=".Length..]);
        Assert.Equal(43, id.Length);
        Assert.Contains("; path=/admin", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; expires=", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminHost.Key, cookie, StringComparison.Ordinal);
        Assert.Equal(2L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM admin_sessions"));
        Assert.Equal(1L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM admin_sessions WHERE id_hash = @Hash", new { Hash = Hash(id) }));
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM admin_sessions WHERE id_hash = @Id OR key_id = @Id", new { Id = id }));
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Session_LastsTwelveHoursFromSignIn()
    {
        using var browser = await _host.SignInAsync();

        var created = DateTimeOffset.Parse(await _host.ScalarAsync<string>("SELECT created_at FROM admin_sessions"), System.Globalization.CultureInfo.InvariantCulture);
        var expires = DateTimeOffset.Parse(await _host.ScalarAsync<string>("SELECT expires_at FROM admin_sessions"), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TimeSpan.FromHours(12), AdminSessions.Lifetime);
        Assert.Equal(AdminSessions.Lifetime, expires - created);
    }

    [Fact]
    public async Task Session_PastItsExpiry_Is401()
    {
        using var browser = await _host.SignInAsync();
        await _host.ExecuteAsync("UPDATE admin_sessions SET expires_at = '2020-01-01T00:00:00.000000Z'");

        using var response = await browser.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Session_OpenedWithAnotherKey_Is401()
    {
        using var browser = await _host.SignInAsync();
        await _host.ExecuteAsync("UPDATE admin_sessions SET key_id = 'a-previous-key'");

        using var response = await browser.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSessionEvenForACopiedCookie()
    {
        var cookies = new CookieContainer();
        using var browser = await _host.SignInAsync(cookies);
        var copy = new CookieContainer();
        copy.Add(cookies.GetAllCookies());
        using var thief = _host.Client(copy);
        var overview = await browser.GetStringAsync("/admin");
        var beforeLogout = await thief.GetAsync("/admin");

        using var response = await browser.PostAsync("/admin/logout", new FormUrlEncodedContent([new KeyValuePair<string, string>("form_token", AdminHost.FormToken(overview))]));
        using var after = await browser.GetAsync("/admin");
        using var replayed = await thief.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, beforeLogout.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM admin_sessions"));
    }

    [Fact]
    public async Task Login_WrongKey_Is401AndOpensNoSession()
    {
        using var browser = _host.Client();
        var login = await browser.GetStringAsync("/admin/login");

        using var response = await browser.PostAsync("/admin/login", new FormUrlEncodedContent(
            [new KeyValuePair<string, string>("form_token", AdminHost.FormToken(login)), new KeyValuePair<string, string>("key", "not the key at all")]));
        using var overview = await browser.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("That is not the admin key.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("bot_admin=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Unauthorized, overview.StatusCode);
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM admin_sessions"));
    }

    [Fact]
    public async Task Login_WithoutFormToken_Is400()
    {
        using var browser = _host.Client();
        await browser.GetStringAsync("/admin/login");

        using var response = await browser.PostAsync("/admin/login", new FormUrlEncodedContent([new KeyValuePair<string, string>("key", AdminHost.Key)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
