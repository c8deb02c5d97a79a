using System.Net;
using Bot.Core.Delivery;
using Bot.Host.Http.Admin;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Admin;

/// <summary>The admin pages as a browser uses them: a login form, a session cookie, forms with antiforgery tokens.</summary>
public sealed class AdminPagesTests : IAsyncLifetime
{
    private AdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>A browser signed in with the login form.</summary>
    private async Task<HttpClient> SignInAsync()
    {
        var browser = _host.Client();
        var login = await browser.GetStringAsync("/admin/login");
        using var signedIn = await browser.PostAsync("/admin/login", Form(("form_token", AdminHost.FormToken(login)), ("key", AdminHost.Key)));
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        return browser;
    }

    [Fact]
    public async Task Dashboard_NoSession_Is401WithASignInLink()
    {
        using var response = await _host.Anonymous.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("<a href=\"/admin/login\">Sign in</a>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_BearerKeyInsteadOfSession_Is401()
    {
        using var response = await _host.Api.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Login_RightKey_SetsAHardenedCookieDerivedFromTheKeyAndShowsTheDashboard()
    {
        using var browser = _host.Client();
        var login = await browser.GetStringAsync("/admin/login");

        using var response = await browser.PostAsync("/admin/login", Form(("form_token", AdminHost.FormToken(login)), ("key", AdminHost.Key)));
        var dashboard = await browser.GetAsync("/admin");
        var page = await dashboard.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("bot_admin=", StringComparison.Ordinal));
        Assert.Contains("; path=/admin", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminHost.Key, cookie, StringComparison.Ordinal);
        Assert.Equal(new AdminKey(AdminHost.Key).SessionValue, cookie.Split(';')[0]["bot_admin=".Length..]);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("<tr><th scope=\"row\">news</th><td>telegram</td><td>-1001000000001</td><td>active</td><td>", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/admin/destinations/news/pause\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongKey_Is401AndSetsNoSession()
    {
        using var browser = _host.Client();
        var login = await browser.GetStringAsync("/admin/login");

        using var response = await browser.PostAsync("/admin/login", Form(("form_token", AdminHost.FormToken(login)), ("key", "not the key at all")));
        using var dashboard = await browser.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("That is not the admin key.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("bot_admin=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Unauthorized, dashboard.StatusCode);
    }

    [Fact]
    public async Task Login_WithoutFormToken_Is400()
    {
        using var browser = _host.Client();
        await browser.GetStringAsync("/admin/login");

        using var response = await browser.PostAsync("/admin/login", Form(("key", AdminHost.Key)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_ArticleTitleWithMarkup_IsEncodedAndMarkedDirAuto()
    {
        await _host.ImportAsync("<script>alert(1)</script> & co");
        await _host.ImportFileAsync(Articles.SamplePath);

        using var browser = await SignInAsync();
        var page = await browser.GetStringAsync("/admin");

        Assert.Contains("<td dir=\"auto\" lang=\"en\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td dir=\"auto\" lang=\"ar\">مؤتمرون بإسطنبول يعلنون 2023", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseForm_WithoutToken_Is400AndNothingChanges()
    {
        using var browser = await SignInAsync();

        using var response = await browser.PostAsync("/admin/destinations/news/pause", Form());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await _host.Store.Destinations.ListAsync(CancellationToken.None)).Single(d => d.Name == "news").Paused);
        Assert.Empty(await _host.AuditAsync());
    }

    [Fact]
    public async Task PauseForm_WithToken_PausesRedirectsAndAudits()
    {
        using var browser = await SignInAsync();
        var dashboard = await browser.GetStringAsync("/admin");

        using var response = await browser.PostAsync("/admin/destinations/news/pause", Form(("form_token", AdminHost.FormToken(dashboard))));
        var after = await browser.GetStringAsync("/admin");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        Assert.True((await _host.Store.Destinations.ListAsync(CancellationToken.None)).Single(d => d.Name == "news").Paused);
        Assert.Contains("<td>paused</td>", after, StringComparison.Ordinal);
        Assert.Contains("action=\"/admin/destinations/news/resume\"", after, StringComparison.Ordinal);
        Assert.Equal([(AdminOperations.Actor, "http-command", "pause news: paused")], await _host.AuditAsync());
    }

    [Fact]
    public async Task PauseForm_NoSession_Is401()
    {
        using var browser = _host.Client();
        var login = await browser.GetStringAsync("/admin/login");

        using var response = await browser.PostAsync("/admin/destinations/news/pause", Form(("form_token", AdminHost.FormToken(login))));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False((await _host.Store.Destinations.ListAsync(CancellationToken.None)).Single(d => d.Name == "news").Paused);
    }

    [Fact]
    public async Task RetryForm_DeadDelivery_ShownThenQueuedAgainAndSent()
    {
        await _host.Store.Destinations.SetPausedAsync("news", true, CancellationToken.None);
        var key = await _host.ImportAsync("Dead on the dashboard");
        var held = await _host.WaitForDeliveryAsync(key, DeliveryStatus.Held);
        await _host.ExecuteAsync("UPDATE deliveries SET status = 'dead', last_error = 'Telegram 400: <b>chat</b> not found' WHERE id = @Id", new { held.Id });
        await _host.Store.Destinations.SetPausedAsync("news", false, CancellationToken.None);
        using var browser = await SignInAsync();
        var dashboard = await browser.GetStringAsync("/admin");

        using var response = await browser.PostAsync($"/admin/deliveries/{held.Id}/retry", Form(("form_token", AdminHost.FormToken(dashboard))));
        var sent = await _host.WaitForDeliveryAsync(key, DeliveryStatus.Sent);

        Assert.Contains("<td>Telegram 400: &lt;b&gt;chat&lt;/b&gt; not found</td>", dashboard, StringComparison.Ordinal);
        Assert.Contains($"action=\"/admin/deliveries/{held.Id}/retry\"", dashboard, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(held.Id, sent.Id);
        Assert.Contains((AdminOperations.Actor, "http-command", $"retry {held.Id}: requeued 1"), await _host.AuditAsync());
    }

    [Fact]
    public async Task Logout_WithToken_EndsTheSession()
    {
        using var browser = await SignInAsync();
        var dashboard = await browser.GetStringAsync("/admin");

        using var response = await browser.PostAsync("/admin/logout", Form(("form_token", AdminHost.FormToken(dashboard))));
        using var after = await browser.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
