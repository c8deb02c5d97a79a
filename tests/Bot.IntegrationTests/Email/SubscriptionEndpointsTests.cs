using System.Net;
using System.Net.Http.Json;
using Bot.Core.Subscriptions;
using Bot.Host.Http;
using Bot.Host.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bot.IntegrationTests.Email;

/// <summary>Double opt-in and one-click unsubscribe over HTTP, with real confirmation mail over SMTP.</summary>
public sealed class SubscriptionEndpointsTests : IAsyncLifetime
{
    private SubscriptionHttpApp app = null!;

    public async Task InitializeAsync() => app = await SubscriptionHttpApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    private ISubscriberStore Store => app.Services.GetRequiredService<ISubscriberStore>();

    private Task<HttpResponseMessage> SubscribeFormAsync(string email, string? list = "أخبار", string? name = null)
    {
        var fields = new Dictionary<string, string> { ["email"] = email };
        if (list is not null)
        {
            fields["list"] = list;
        }

        if (name is not null)
        {
            fields["name"] = name;
        }

        return app.Client.PostAsync("/subscribe", new FormUrlEncodedContent(fields));
    }

    /// <summary>What the confirmation page's button does: POST the token as a form field.</summary>
    private Task<HttpResponseMessage> ConfirmAsync(string token) =>
        app.Client.PostAsync("/confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }));

    private async Task<string> UnsubscribeTokenAsync(string list, string email) =>
        SubscriptionHttpApp.TokenIn((await app.Services.GetRequiredService<SubscriptionServices>().LinksAsync(CancellationToken.None)).UnsubscribeUrl(list, email));

    [Fact]
    public async Task Subscribe_Form_SendsArabicConfirmationAndTheLinkActivates()
    {
        var response = await SubscribeFormAsync(" Reader@Example.org ", name: "أحمد");
        var mail = Assert.Single(await app.MailAsync(1)).Message;
        var confirm = await ConfirmAsync(SubscriptionHttpApp.TokenIn(mail.TextBody));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html dir=\"rtl\" lang=\"ar\">", page);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("reader@example.org", Assert.IsType<MimeKit.MailboxAddress>(Assert.Single(mail.To)).Address);
        Assert.Contains("أخبار", mail.Subject);
        Assert.Contains("https://news.example.org/confirm?token=", mail.TextBody);
        Assert.False(mail.Headers.Contains(MimeKit.HeaderId.ListUnsubscribe));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("dir=\"rtl\"", await confirm.Content.ReadAsStringAsync());
        var row = await Store.GetAsync("أخبار", "reader@example.org", CancellationToken.None);
        Assert.Equal((SubscriberStatus.Active, "أحمد"), (row!.Status, row.Name));
    }

    [Fact]
    public async Task Subscribe_Json_SameAnswerForNewPendingAndActiveAddresses()
    {
        await Store.AddActiveAsync("sport", "active@example.org", null, CancellationToken.None);

        var fresh = await app.Client.PostAsJsonAsync("/subscribe", new { email = "new@example.org", list = "sport" });
        var pending = await app.Client.PostAsJsonAsync("/subscribe", new { email = "new@example.org", list = "sport" });
        var active = await app.Client.PostAsJsonAsync("/subscribe", new { email = "active@example.org", list = "sport" });
        await app.MailAsync(2);
        await Task.Delay(300);

        var bodies = new[] { fresh, pending, active }.Select(r => (r.StatusCode, r.Content.ReadAsStringAsync().Result)).Distinct().ToList();
        Assert.Equal(HttpStatusCode.Accepted, Assert.Single(bodies).StatusCode);
        Assert.Equal(["active@example.org", "new@example.org"], app.Smtp.Messages.SelectMany(m => m.EnvelopeTo).Order(StringComparer.Ordinal));
        Assert.Equal(SubscriberStatus.Active, (await Store.GetAsync("sport", "active@example.org", CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData("not-an-address", "sport")]
    [InlineData("a@example.org", "no-such-list")]
    [InlineData("a@example.org", null)]
    public async Task Subscribe_InvalidAddressOrList_400AndNothingStored(string email, string? list)
    {
        var response = await SubscribeFormAsync(email, list);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await foreach (var _ in Store.ListAsync(null, CancellationToken.None))
        {
            Assert.Fail("nothing should be stored");
        }
    }

    [Fact]
    public async Task Subscribe_ManyRequestsFromOneClient_RateLimited()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await SubscribeFormAsync($"r{i}@example.org", "sport")).StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task Confirm_ForgedToken_400AndStillPending()
    {
        await SubscribeFormAsync("a@example.org", "sport");
        var token = SubscriptionHttpApp.TokenIn(Assert.Single(await app.MailAsync(1)).Message.TextBody);
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var shown = await app.Client.GetAsync($"/confirm?token={forged}");
        var response = await ConfirmAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, shown.StatusCode);
        Assert.DoesNotContain("<form", await shown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SubscriberStatus.Pending, (await Store.GetAsync("sport", "a@example.org", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Confirm_After48Hours_410AndStillPending()
    {
        await SubscribeFormAsync("a@example.org", "sport");
        var token = SubscriptionHttpApp.TokenIn(Assert.Single(await app.MailAsync(1)).Message.TextBody);
        app.Clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(1));

        var response = await ConfirmAsync(token);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("dir=\"ltr\" lang=\"en\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(SubscriberStatus.Pending, (await Store.GetAsync("sport", "a@example.org", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Confirm_ReplayedAfterUnsubscribing_409AndStaysUnsubscribed()
    {
        await SubscribeFormAsync("a@example.org", "sport");
        var token = SubscriptionHttpApp.TokenIn(Assert.Single(await app.MailAsync(1)).Message.TextBody);
        await ConfirmAsync(token);
        await app.Client.PostAsync($"/unsubscribe?token={await UnsubscribeTokenAsync("sport", "a@example.org")}", null);

        var replay = await ConfirmAsync(token);

        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await Store.GetAsync("sport", "a@example.org", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task UnsubscribeGet_ShowsAPostButtonAndChangesNothing()
    {
        await Store.AddActiveAsync("أخبار", "a@example.org", null, CancellationToken.None);
        var token = await UnsubscribeTokenAsync("أخبار", "a@example.org");

        var response = await app.Client.GetAsync($"/unsubscribe?token={token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html dir=\"rtl\" lang=\"ar\">", page);
        Assert.Contains($"<form method=\"post\" action=\"unsubscribe?token={token}\">", page);
        Assert.Contains("<button type=\"submit\" aria-describedby=\"question\">نعم، ألغِ الاشتراك</button>", page);
        Assert.Contains("<bdi>a@example.org</bdi>", page);
        Assert.Equal(SubscriptionPages.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(SubscriberStatus.Active, (await Store.GetAsync("أخبار", "a@example.org", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task UnsubscribePost_OneClick_200NoRedirectAndIdempotent()
    {
        await Store.AddActiveAsync("أخبار", "a@example.org", null, CancellationToken.None);
        var token = await UnsubscribeTokenAsync("أخبار", "a@example.org");
        var oneClick = () => new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");

        var first = await app.Client.PostAsync($"/unsubscribe?token={token}", oneClick());
        var second = await app.Client.PostAsync($"/unsubscribe?token={token}", oneClick());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await Store.GetAsync("أخبار", "a@example.org", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task UnsubscribePost_ConfirmTokenForgedOrExpired_Refused()
    {
        await Store.AddActiveAsync("sport", "a@example.org", null, CancellationToken.None);
        var signer = await app.Services.GetRequiredService<SubscriptionServices>().SignerAsync(CancellationToken.None);
        var confirmToken = signer.Issue(SubscriptionTokenPurpose.Confirm, "sport", "a@example.org");
        var foreign = new SubscriptionTokenSigner(SubscriptionTokenKey.Generate(), app.Clock).Issue(SubscriptionTokenPurpose.Unsubscribe, "sport", "a@example.org");
        var old = signer.Issue(SubscriptionTokenPurpose.Unsubscribe, "sport", "a@example.org");

        var wrongPurpose = await app.Client.PostAsync($"/unsubscribe?token={confirmToken}", null);
        var forged = await app.Client.PostAsync($"/unsubscribe?token={foreign}", null);
        var missing = await app.Client.PostAsync("/unsubscribe", null);
        app.Clock.Advance(TimeSpan.FromDays(181));
        var expired = await app.Client.PostAsync($"/unsubscribe?token={old}", null);

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Gone],
            new[] { wrongPurpose, forged, missing, expired }.Select(r => r.StatusCode));
        Assert.Equal(SubscriberStatus.Active, (await Store.GetAsync("sport", "a@example.org", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task UnsubscribeUrl_ForTheDispatcher_WorksWithTheEndpoint()
    {
        await Store.AddActiveAsync("sport", "a@example.org", null, CancellationToken.None);
        var url = app.Services.GetRequiredService<SubscriptionServices>().UnsubscribeUrl("sport", "a@example.org");

        var response = await app.Client.PostAsync($"/unsubscribe?token={SubscriptionHttpApp.TokenIn(url)}", null);

        Assert.StartsWith("https://news.example.org/unsubscribe?token=", url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await Store.GetAsync("sport", "a@example.org", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ConfirmGet_ShowsAButtonThatPostsAndChangesNothing()
    {
        await SubscribeFormAsync("a@example.org", "sport");
        var token = SubscriptionHttpApp.TokenIn(Assert.Single(await app.MailAsync(1)).Message.TextBody);

        var first = await app.Client.GetAsync($"/confirm?token={token}");
        var second = await app.Client.GetAsync($"/confirm?token={token}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var page = await first.Content.ReadAsStringAsync();
        Assert.Contains("<html dir=\"ltr\" lang=\"en\">", page);
        Assert.Contains("<form method=\"post\" action=\"confirm\">", page);
        Assert.Contains($"<input type=\"hidden\" name=\"token\" value=\"{token}\">", page);
        Assert.Contains("<button type=\"submit\" aria-describedby=\"question\">Yes, confirm</button>", page);
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        Assert.Equal(SubscriptionPages.ContentSecurityPolicy, first.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(SubscriberStatus.Pending, (await Store.GetAsync("sport", "a@example.org", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ConfirmPost_TokenInTheQuery_Confirms()
    {
        await SubscribeFormAsync("a@example.org", "أخبار");
        var token = SubscriptionHttpApp.TokenIn(Assert.Single(await app.MailAsync(1)).Message.TextBody);

        var response = await app.Client.PostAsync($"/confirm?token={token}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("تمّ تأكيد الاشتراك", await response.Content.ReadAsStringAsync());
        Assert.Equal(SubscriberStatus.Active, (await Store.GetAsync("أخبار", "a@example.org", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ConfirmationMail_LinkDoesNotShowTheAddress()
    {
        await SubscribeFormAsync("reader.name@example.org", "sport");

        var mail = Assert.Single(await app.MailAsync(1)).Message;

        var token = System.Buffers.Text.Base64Url.DecodeFromChars(SubscriptionHttpApp.TokenIn(mail.TextBody));
        Assert.Equal(-1, token.AsSpan().IndexOf("reader.name@example.org"u8));
        Assert.Equal(-1, token.AsSpan().IndexOf("sport"u8));
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json")]
    public async Task Subscribe_ChunkedBodyPastTheCap_413AndNothingStored(string contentType)
    {
        var padding = new string('x', 64 * 1024);
        var body = contentType == "application/json"
            ? $$"""{"email":"a@example.org","list":"sport","name":"{{padding}}"}"""
            : $"email=a%40example.org&list=sport&name={padding}";

        var response = await ChunkedContent.PostRefusedAsync(app.Client, "/subscribe", body, contentType);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await Store.GetAsync("sport", "a@example.org", CancellationToken.None));
    }

    [Fact]
    public async Task Subscribe_ChunkedBodyWithinTheCap_Accepted()
    {
        var response = await app.Client.PostAsync("/subscribe", new ChunkedContent("email=a%40example.org&list=sport", "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(SubscriberStatus.Pending, (await Store.GetAsync("sport", "a@example.org", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ConfirmPost_ChunkedFormPastTheCap_413AndStillPending()
    {
        await SubscribeFormAsync("a@example.org", "sport");
        var token = SubscriptionHttpApp.TokenIn(Assert.Single(await app.MailAsync(1)).Message.TextBody);

        var response = await ChunkedContent.PostRefusedAsync(app.Client, "/confirm", $"token={token}&x={new string('x', 64 * 1024)}", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(SubscriberStatus.Pending, (await Store.GetAsync("sport", "a@example.org", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Start_TokenKeyTooShort_RefusedNamingTheKeyNotTheValue()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => SubscriptionHttpApp.StartAsync(("Email:TokenKey", "short-secret")));

        Assert.Contains("Email:TokenKey", error.Message);
        Assert.DoesNotContain("short-secret", error.Message);
    }
}
