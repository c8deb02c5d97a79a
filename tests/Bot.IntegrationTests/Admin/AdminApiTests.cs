using System.Net;
using System.Net.Http.Headers;
using Bot.Core.Delivery;
using Bot.Host.Http.Admin;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Admin;

/// <summary>The JSON API under <c>/admin/api/</c> on the real <c>bot run</c> host, every channel dry.</summary>
public sealed class AdminApiTests : IAsyncLifetime
{
    private const string Unauthorized = """{"error":"missing or wrong admin key: send Authorization: Bearer KEY"}""";

    private AdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, HttpClient? client = null)
    {
        using var response = await (client ?? _host.Api).GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path)
    {
        using var response = await _host.Api.PostAsync(path, null);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Counts(int sent = 0, int held = 0, int queued = 0, int dead = 0) =>
        $$"""{"queued":{{queued}},"sending":0,"sent":{{sent}},"failed":0,"dead":{{dead}},"cancelled":0,"held":{{held}}}""";

    [Fact]
    public async Task Api_NoKey_Is401WithBearerChallengeAndJsonError()
    {
        using var response = await _host.Anonymous.GetAsync("/admin/api/status");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Unauthorized, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_WrongKey_Is401AndChangesNothing()
    {
        using var client = _host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminHost.Key + "x");

        using var response = await client.PostAsync("/admin/api/destinations/news/pause", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(Unauthorized, await response.Content.ReadAsStringAsync());
        Assert.False((await _host.Store.Destinations.ListAsync(CancellationToken.None)).Single(d => d.Name == "news").Paused);
        Assert.Empty(await _host.AuditAsync());
    }

    [Fact]
    public async Task Api_KeyInACookieOrAnotherScheme_Is401()
    {
        using var basic = _host.Client();
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", AdminHost.Key);

        var (status, _) = await GetAsync("/admin/api/status", basic);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Api_RepeatedWrongKeys_LimitedTo429ButTheRightKeyStillWorks()
    {
        using var client = _host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "guess");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i <= AdminHttpServiceCollectionExtensions.FailuresPerClient; i++)
        {
            statuses.Add((await GetAsync("/admin/api/status", client)).Status);
        }
        var (rightKey, _) = await GetAsync("/admin/api/status");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, AdminHttpServiceCollectionExtensions.FailuresPerClient), statuses.Take(AdminHttpServiceCollectionExtensions.FailuresPerClient));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, rightKey);
    }

    [Fact]
    public async Task Status_AfterAnArticleWentOut_ShowsEveryDestinationWithCountsAndTotals()
    {
        var key = await _host.ImportAsync("Status article");
        await _host.WaitForDeliveryAsync(key, DeliveryStatus.Sent);
        await _host.WaitForDeliveryAsync(key, DeliveryStatus.Sent, destination: "discord");
        await _host.WaitForDeliveryAsync(key, DeliveryStatus.Sent, destination: "email");

        var (status, body) = await GetAsync("/admin/api/status");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            "{\"storeUp\":true,\"destinations\":["
            + $"{{\"name\":\"news\",\"channel\":\"telegram\",\"paused\":false,\"disabled\":false,\"disabledReason\":null,\"deliveries\":{Counts(sent: 1)}}},"
            + $"{{\"name\":\"discord\",\"channel\":\"discord\",\"paused\":false,\"disabled\":false,\"disabledReason\":null,\"deliveries\":{Counts(sent: 1)}}},"
            + $"{{\"name\":\"email\",\"channel\":\"email\",\"paused\":false,\"disabled\":false,\"disabledReason\":null,\"deliveries\":{Counts(sent: 1)}}},"
            + $"{{\"name\":\"telegram-subscribers\",\"channel\":\"telegram\",\"paused\":false,\"disabled\":false,\"disabledReason\":null,\"deliveries\":{Counts()}}}"
            + $"],\"totals\":{Counts(sent: 3)}}}",
            body);
    }

    [Fact]
    public async Task PauseThenResume_NewArticleHeldThenSentAndBothAudited()
    {
        var (paused, pausedBody) = await PostAsync("/admin/api/destinations/news/pause");
        var key = await _host.ImportAsync("Held while paused");
        await _host.WaitForDeliveryAsync(key, DeliveryStatus.Sent, destination: "discord");
        var held = await _host.WaitForDeliveryAsync(key, DeliveryStatus.Held);
        var filesWhilePaused = _host.TelegramOutbox().Length;

        var (resumed, resumedBody) = await PostAsync("/admin/api/destinations/news/resume");
        var sent = await _host.WaitForDeliveryAsync(key, DeliveryStatus.Sent);

        Assert.Equal(HttpStatusCode.OK, paused);
        Assert.Equal("""{"name":"news","channel":"telegram","address":"-1001000000001","configured":true,"paused":true,"disabled":false,"disabledReason":null}""", pausedBody);
        Assert.Equal(0, filesWhilePaused);
        Assert.Equal(HttpStatusCode.OK, resumed);
        Assert.Equal("""{"name":"news","channel":"telegram","address":"-1001000000001","configured":true,"paused":false,"disabled":false,"disabledReason":null}""", resumedBody);
        Assert.Equal(held.Id, sent.Id);
        Assert.Single(_host.TelegramOutbox());
        Assert.Equal(
            [(AdminOperations.Actor, "http-command", "pause news: paused", "127.0.0.1"), (AdminOperations.Actor, "http-command", "resume news: resumed", "127.0.0.1")],
            await _host.AuditWithOriginAsync());
    }

    [Fact]
    public async Task Resume_DisabledDestination_IsEnabledAgain()
    {
        await _host.Store.Destinations.SetDisabledAsync("news", "Telegram 403: Forbidden: bot was kicked from the channel chat", CancellationToken.None);
        var (_, before) = await GetAsync("/admin/api/destinations");

        var (status, body) = await PostAsync("/admin/api/destinations/news/resume");

        Assert.Contains("""{"name":"news","channel":"telegram","address":"-1001000000001","configured":true,"paused":false,"disabled":true,"disabledReason":"Telegram 403: Forbidden: bot was kicked from the channel chat"}""", before);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"name":"news","channel":"telegram","address":"-1001000000001","configured":true,"paused":false,"disabled":false,"disabledReason":null}""", body);
        Assert.False((await _host.Store.Destinations.ListAsync(CancellationToken.None)).Single(d => d.Name == "news").Disabled);
    }

    [Fact]
    public async Task Pause_UnknownDestination_Is404WithOneLineAndAudited()
    {
        var (status, body) = await PostAsync("/admin/api/destinations/nope/pause");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("""{"error":"no such destination: nope"}""", body);
        Assert.Equal([(AdminOperations.Actor, "http-command", "pause nope: unknown destination")], await _host.AuditAsync());
    }

    [Fact]
    public async Task Destinations_ListsConfiguredAndImplicitOnes()
    {
        var (status, body) = await GetAsync("/admin/api/destinations");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            "["
            + """{"name":"news","channel":"telegram","address":"-1001000000001","configured":true,"paused":false,"disabled":false,"disabledReason":null},"""
            + """{"name":"discord","channel":"discord","address":"dry-run","configured":true,"paused":false,"disabled":false,"disabledReason":null},"""
            + """{"name":"email","channel":"email","address":"reader@example.invalid","configured":true,"paused":false,"disabled":false,"disabledReason":null},"""
            + """{"name":"telegram-subscribers","channel":"telegram","address":"","configured":true,"paused":false,"disabled":false,"disabledReason":null}"""
            + "]",
            body);
    }

    [Fact]
    public async Task RetryOne_DeadDelivery_QueuedAgainSentAndAudited()
    {
        var id = await DeadDeliveryAsync("Dies once");
        var (_, deadList) = await GetAsync("/admin/api/deliveries?status=dead");

        var (status, body) = await PostAsync($"/admin/api/deliveries/{id}/retry");
        var sent = await _host.WaitForDeliveryAsync((await _host.Store.Queries.ListAsync(new DeliveryQuery(), CancellationToken.None)).Single(d => d.Id == id).ArticleKey, DeliveryStatus.Sent);
        var (again, againBody) = await PostAsync($"/admin/api/deliveries/{id}/retry");

        Assert.Contains($"\"id\":{id},", deadList, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"dead\",\"attempts\":5,", deadList, StringComparison.Ordinal);
        Assert.Contains("\"lastError\":\"Telegram 400: Bad Request: chat not found\"", deadList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"requeued":1}""", body);
        Assert.Equal(id, sent.Id);
        Assert.Single(_host.TelegramOutbox());
        Assert.Equal(HttpStatusCode.NotFound, again);
        Assert.Equal($$"""{"error":"delivery {{id}} is not dead (or does not exist)"}""", againBody);
        Assert.Contains((AdminOperations.Actor, "http-command", $"retry {id}: requeued 1"), await _host.AuditAsync());
    }

    [Fact]
    public async Task RetryDead_TwoDeadDeliveries_BothQueuedAgainAndSent()
    {
        var first = await DeadDeliveryAsync("First to die");
        var second = await DeadDeliveryAsync("Second to die");

        var (status, body) = await PostAsync("/admin/api/deliveries/retry-dead");
        await Eventually.HoldsAsync(async () => (await _host.Store.Queries.ListAsync(new DeliveryQuery(DeliveryStatus.Sent, Destination: "news"), CancellationToken.None)).Count == 2, "both sent");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"requeued":2}""", body);
        Assert.Equal(
            [first, second],
            (await _host.Store.Queries.ListAsync(new DeliveryQuery(DeliveryStatus.Sent, Destination: "news"), CancellationToken.None)).Select(d => d.Id).Order());
        Assert.Contains((AdminOperations.Actor, "http-command", "retry --dead: requeued 2"), await _host.AuditAsync());
    }

    [Fact]
    public async Task Retract_SentArticle_DeletedOnTheChannelAndAudited()
    {
        var key = await _host.ImportAsync("To be retracted");
        await _host.WaitForDeliveryAsync(key, DeliveryStatus.Sent);

        var (status, body) = await PostAsync($"/admin/api/articles/{Uri.EscapeDataString(key)}/retract");
        await _host.WaitForDeliveryAsync(key, DeliveryStatus.Sent, DeliveryKind.Delete);
        var (again, againBody) = await PostAsync($"/admin/api/articles/{Uri.EscapeDataString(key)}/retract");
        var (unknown, unknownBody) = await PostAsync("/admin/api/articles/no-such-key/retract");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($$"""{"key":"{{key}}","version":2,"title":"To be retracted","retracted":true}""", body);
        Assert.Single(_host.TelegramOutbox("*-delete.json"));
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal($$"""{"error":"{{key}} is already retracted (version 2)"}""", againBody);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal("""{"error":"no such article: no-such-key"}""", unknownBody);
        Assert.Contains((AdminOperations.Actor, "http-command", $"retract {key}: retracted as version 2"), await _host.AuditAsync());
    }

    [Fact]
    public async Task Articles_ListAndOne_ShowTheArticleWithItsDeliveries()
    {
        var older = await _host.ImportAsync("Older");
        var newer = await _host.ImportAsync("Newer");
        await _host.WaitForDeliveryAsync(newer, DeliveryStatus.Sent);

        var (listStatus, list) = await GetAsync("/admin/api/articles?limit=1");
        var (oneStatus, one) = await GetAsync($"/admin/api/articles/{Uri.EscapeDataString(newer)}");
        var (missing, missingBody) = await GetAsync("/admin/api/articles/nothing-here");

        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.StartsWith($$"""[{"key":"{{newer}}","version":1,"title":"Newer","language":"en","direction":"ltr","published":null,"received":""", list);
        Assert.DoesNotContain(older, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, oneStatus);
        Assert.StartsWith($$"""{"key":"{{newer}}","version":1,"title":"Newer","summary":null,""", one);
        Assert.Contains("\"paragraphs\":[\"Paragraph 1 of “Newer”, with enough words to be a paragraph.\",", one, StringComparison.Ordinal);
        Assert.Contains("\"deliveries\":[{\"id\":", one, StringComparison.Ordinal);
        Assert.Contains($"\"articleKey\":\"{newer}\",\"articleVersion\":1,\"destination\":\"news\",\"recipient\":\"\",\"kind\":\"announce\",\"status\":\"sent\",\"attempts\":1,", one, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("""{"error":"no such article: nothing-here"}""", missingBody);
    }

    [Theory]
    [InlineData("/admin/api/articles?limit=0", "limit must be a whole number from 1 to 1000")]
    [InlineData("/admin/api/articles?limit=lots", "limit must be a whole number from 1 to 1000")]
    [InlineData("/admin/api/deliveries?status=lost", "status lost is not one of queued, sending, sent, failed, dead, cancelled, held")]
    [InlineData("/admin/api/deliveries?limit=-1", "limit must be a whole number from 1 to 1000")]
    public async Task Get_BadInput_Is400WithOneLine(string path, string error)
    {
        var (status, body) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($$"""{"error":"{{error}}"}""", body);
    }

    [Fact]
    public async Task Retry_NotANumber_Is400()
    {
        var (status, body) = await PostAsync("/admin/api/deliveries/abc/retry");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"error":"abc is not a delivery id"}""", body);
    }

    /// <summary>An announcement to <c>news</c> that gave up: held while paused, then marked dead in the store.</summary>
    private async Task<long> DeadDeliveryAsync(string title)
    {
        await _host.Store.Destinations.SetPausedAsync("news", true, CancellationToken.None);
        var key = await _host.ImportAsync(title);
        var held = await _host.WaitForDeliveryAsync(key, DeliveryStatus.Held);
        await _host.ExecuteAsync(
            "UPDATE deliveries SET status = 'dead', attempts = 5, last_error = 'Telegram 400: Bad Request: chat not found' WHERE id = @Id", new { held.Id });
        await _host.Store.Destinations.SetPausedAsync("news", false, CancellationToken.None);
        return held.Id;
    }
}
