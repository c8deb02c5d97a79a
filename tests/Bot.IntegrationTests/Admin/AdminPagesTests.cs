using System.Net;
using Bot.Core.Delivery;
using Bot.Core.Subscriptions;
using Bot.Host.Http.Admin.Pages;
using Bot.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bot.IntegrationTests.Admin;

/// <summary>The admin pages as a browser uses them: a signed-in session, forms with antiforgery tokens, exact markup.</summary>
public sealed class AdminPagesTests : IAsyncLifetime
{
    private AdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [Fact]
    public async Task Overview_NoSession_Is401WithASignInLink()
    {
        using var response = await _host.Anonymous.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("<a href=\"/admin/login\">Sign in</a>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_BearerKeyInsteadOfSession_Is401()
    {
        using var response = await _host.Api.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Overview_SignedIn_ShowsEachDestinationWithItsStateAndStrictHeaders()
    {
        using var browser = await _host.SignInAsync();

        using var response = await browser.GetAsync("/admin");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<tr><th scope=\"row\">news</th><td>telegram</td><td class=\"address\">-1001000000001</td><td><span class=\"badge active\">active</span></td>", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/admin/destinations/news/pause\"", page, StringComparison.Ordinal);
        Assert.Equal(AdminLayout.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("<script src=\"/admin/static/admin.js\" defer></script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticFiles_WithoutSession_ServedWithTheirTypes()
    {
        using var css = await _host.Anonymous.GetAsync("/admin/static/admin.css");
        using var js = await _host.Anonymous.GetAsync("/admin/static/admin.js");
        using var other = await _host.Anonymous.GetAsync("/admin/static/secrets.txt");

        Assert.Equal("text/css; charset=utf-8", css.Content.Headers.ContentType?.ToString());
        Assert.Equal("text/javascript; charset=utf-8", js.Content.Headers.ContentType?.ToString());
        Assert.Contains("data-live", await js.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Articles_TitleWithMarkup_IsEncodedAndArabicMarkedDirAuto()
    {
        await _host.ImportAsync("<script>alert(1)</script> & co");
        await _host.ImportFileAsync(Articles.SamplePath);
        using var browser = await _host.SignInAsync();

        var page = await browser.GetStringAsync("/admin/articles");

        Assert.Contains("<h2 class=\"title\" dir=\"auto\" lang=\"en\"><a href=\"/admin/article?key=", page, StringComparison.Ordinal);
        Assert.Contains("\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</a></h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 class=\"title\" dir=\"auto\" lang=\"ar\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlesLive_AfterASend_CountsTheSentDeliveryUnderItsChannel()
    {
        var key = await _host.ImportAsync("Counted live");
        await _host.WaitForDeliveryAsync(key, DeliveryStatus.Sent);
        using var browser = await _host.SignInAsync();

        var live = await browser.GetStringAsync("/admin/articles/live");
        var page = await browser.GetStringAsync("/admin/articles");

        Assert.Contains($"\"c|telegram|sent|{key}\":\"1\"", live, StringComparison.Ordinal);
        Assert.Contains($"\"c|telegram|pending|{key}\":\"0\"", live, StringComparison.Ordinal);
        Assert.Contains($"<td data-live=\"c|telegram|sent|{key}\" class=\"num sent\">1</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_SentToAPrivateChannel_LinksTheMessageOnTme()
    {
        var key = await _host.ImportAsync("Linked on t.me");
        var sent = await _host.WaitForDeliveryAsync(key, DeliveryStatus.Sent);
        await _host.ExecuteAsync("UPDATE deliveries SET remote_ids = '[\"4711\"]' WHERE id = @Id", new { sent.Id });
        using var browser = await _host.SignInAsync();

        var page = await browser.GetStringAsync(Html.ArticleHref(key));

        Assert.Contains("<a href=\"https://t.me/c/1000000001/4711\" rel=\"noopener noreferrer\">4711</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<td data-live=\"r|status|{sent.Id}\" class=\"status\">sent</td>", page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"tg-bubble\" dir=\"ltr\" lang=\"en\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_ArabicSample_PreviewsRightToLeftAndEmailInASandboxedFrame()
    {
        var key = await _host.ImportFileAsync(Articles.SamplePath);
        using var browser = await _host.SignInAsync();

        var page = await browser.GetStringAsync(Html.ArticleHref(key));
        var frameSrc = "/admin/article/email?key=" + Uri.EscapeDataString(key) + "&destination=email";
        using var email = await browser.GetAsync(frameSrc);

        Assert.Contains("<div class=\"tg-bubble\" dir=\"rtl\" lang=\"ar\"><div class=\"tg-text\"><strong>مؤتمرون بإسطنبول", page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"dc-embed c-default\" dir=\"rtl\" lang=\"ar\">", page, StringComparison.Ordinal);
        Assert.Contains($"<iframe class=\"mail\" sandbox=\"\" referrerpolicy=\"no-referrer\" title=\"Email preview for email\" src=\"{System.Net.WebUtility.HtmlEncode(frameSrc)}\"></iframe>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, email.StatusCode);
        Assert.StartsWith("sandbox; default-src 'none'; style-src 'unsafe-inline'", email.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", await email.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_UnknownKey_Is404()
    {
        using var browser = await _host.SignInAsync();

        using var response = await browser.GetAsync("/admin/article?key=nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PauseForm_WithoutToken_Is400AndNothingChanges()
    {
        using var browser = await _host.SignInAsync();

        using var response = await browser.PostAsync("/admin/destinations/news/pause", Form());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await _host.Store.Destinations.ListAsync(CancellationToken.None)).Single(d => d.Name == "news").Paused);
        Assert.Empty(await _host.AuditAsync());
    }

    [Fact]
    public async Task PauseForm_WithToken_PausesGoesBackAndAuditsTheClientAddress()
    {
        using var browser = await _host.SignInAsync();
        var overview = await browser.GetStringAsync("/admin");

        using var response = await browser.PostAsync("/admin/destinations/news/pause", Form(("form_token", AdminHost.FormToken(overview)), ("back", "/admin/articles")));
        var after = await browser.GetStringAsync("/admin");
        var audit = await browser.GetStringAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/admin/articles", response.Headers.Location?.OriginalString);
        Assert.True((await _host.Store.Destinations.ListAsync(CancellationToken.None)).Single(d => d.Name == "news").Paused);
        Assert.Contains("<span class=\"badge paused\">paused</span>", after, StringComparison.Ordinal);
        Assert.Contains("action=\"/admin/destinations/news/resume\"", after, StringComparison.Ordinal);
        Assert.Equal([(PageAudit.Actor, PageAudit.Action, "pause news: paused", "127.0.0.1")], await _host.AuditWithOriginAsync());
        Assert.Contains("<td>http:admin</td><td>http</td><td class=\"address\">127.0.0.1</td><td>http-page</td><td dir=\"auto\">pause news: paused</td>", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseForm_BackToAnotherSite_GoesToTheOverviewInstead()
    {
        using var browser = await _host.SignInAsync();
        var overview = await browser.GetStringAsync("/admin");

        using var response = await browser.PostAsync("/admin/destinations/news/pause", Form(("form_token", AdminHost.FormToken(overview)), ("back", "//evil.example/admin")));

        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
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
        using var browser = await _host.SignInAsync();
        var overview = await browser.GetStringAsync("/admin");

        using var response = await browser.PostAsync($"/admin/deliveries/{held.Id}/retry", Form(("form_token", AdminHost.FormToken(overview))));
        var sent = await _host.WaitForDeliveryAsync(key, DeliveryStatus.Sent);

        Assert.Contains("<td class=\"error-text\">Telegram 400: &lt;b&gt;chat&lt;/b&gt; not found</td>", overview, StringComparison.Ordinal);
        Assert.Contains($"action=\"/admin/deliveries/{held.Id}/retry\"", overview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(held.Id, sent.Id);
        Assert.Contains((PageAudit.Actor, PageAudit.Action, $"retry {held.Id}: requeued 1", "127.0.0.1"), await _host.AuditWithOriginAsync());
    }

    [Fact]
    public async Task RetractForm_ConfirmedWithToken_StoresARetractedVersionAndDeletesTheMessage()
    {
        var key = await _host.ImportAsync("Retracted from the page");
        await _host.WaitForDeliveryAsync(key, DeliveryStatus.Sent);
        using var browser = await _host.SignInAsync();
        var confirm = await browser.GetStringAsync("/admin/article/retract?key=" + Uri.EscapeDataString(key));

        using var withoutToken = await browser.PostAsync("/admin/article/retract?key=" + Uri.EscapeDataString(key), Form());
        using var response = await browser.PostAsync("/admin/article/retract?key=" + Uri.EscapeDataString(key), Form(("form_token", AdminHost.FormToken(confirm))));
        await _host.WaitForDeliveryAsync(key, DeliveryStatus.Sent, DeliveryKind.Delete);

        Assert.Contains("<button type=\"submit\" class=\"danger\">Retract</button>", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(Html.ArticleHref(key), response.Headers.Location?.OriginalString);
        Assert.Equal([(PageAudit.Actor, PageAudit.Action, $"retract {key}: retracted as version 2", "127.0.0.1")], await _host.AuditWithOriginAsync());
        Assert.Single(_host.TelegramOutbox("*delete*"));
    }

    [Fact]
    public async Task Subscribers_SearchByPartAndState_ShowsOnlyMatches()
    {
        var store = _host.Services.GetRequiredService<ISubscriberStore>();
        await store.AddActiveAsync("email", "amal@example.org", "Amal", CancellationToken.None);
        await store.AddActiveAsync("email", "omar@example.net", null, CancellationToken.None);
        await store.RequestAsync("email", "amal.pending@example.org", null, DateTimeOffset.UtcNow, CancellationToken.None);
        using var browser = await _host.SignInAsync();

        var page = await browser.GetStringAsync("/admin/subscribers?q=AMAL&state=active");

        Assert.Contains("<td class=\"address\" dir=\"ltr\">amal@example.org</td><td dir=\"auto\">Amal</td><td>email</td><td><span class=\"badge active\">active</span></td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("omar@example.net", page, StringComparison.Ordinal);
        Assert.DoesNotContain("amal.pending@example.org</td>", page, StringComparison.Ordinal);
        Assert.Contains("1 match.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscribersCsv_NamesThatLookLikeFormulas_ExportedInertAndQuoted()
    {
        var store = _host.Services.GetRequiredService<ISubscriberStore>();
        await store.AddActiveAsync("email", "a@example.org", "=HYPERLINK(\"http://evil.example\",\"x\")", CancellationToken.None);
        await store.AddActiveAsync("email", "b@example.org", "+1, -2", CancellationToken.None);
        await store.AddActiveAsync("email", "c@example.org", "@home", CancellationToken.None);
        await store.AddActiveAsync("email", "d@example.org", "سلمى", CancellationToken.None);
        using var browser = await _host.SignInAsync();

        using var response = await browser.GetAsync("/admin/subscribers.csv?list=email");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(
            "email,name,list,state\r\n" +
            "a@example.org,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",email,active\r\n" +
            "b@example.org,\"'+1, -2\",email,active\r\n" +
            "c@example.org,'@home,email,active\r\n" +
            "d@example.org,سلمى,email,active\r\n",
            csv);
    }
}
