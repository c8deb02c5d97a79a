using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Core.Delivery;
using Bot.Host.Http.Articles;
using Bot.IntegrationTests.Admin;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.ArticleApi;

/// <summary>The article API on the real <c>bot run</c> host (Kestrel on loopback, SQLite, every channel dry).</summary>
public sealed class ArticleApiTests : IAsyncLifetime
{
    private const string DeskKey = "desk-key-0123456789abcdef";
    private const string Title = "مؤتمرون بإسطنبول يعلنون 2023 “عام البشرى للمسرى”";
    private const string Body = """{"id": "qp-1", "title": "مؤتمرون بإسطنبول يعلنون 2023 “عام البشرى للمسرى”", "url": "https://example.org/qp-1", "body": "اختتمت مساء الجمعة أعمال المؤتمر."}""";

    private AdminHost _host = null!;
    private HttpClient _desk = null!;

    public async Task InitializeAsync()
    {
        _host = await AdminHost.StartAsync(AdminHost.Key, ("Http:ApiKeys:0:Name", "desk"), ("Http:ApiKeys:0:Key", DeskKey));
        _desk = Client(DeskKey);
    }

    public async Task DisposeAsync()
    {
        _desk.Dispose();
        await _host.DisposeAsync();
    }

    private HttpClient Client(string? key)
    {
        var client = _host.Client();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> SendAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [Fact]
    public async Task Post_NewArticle_201WithLocationThenAnnouncedAndAuditedUnderTheKeyName()
    {
        var (status, body, response) = await SendAsync(_desk.PostAsync("/api/articles", Json(Body)));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("/api/articles/qp-1", response.Headers.Location?.OriginalString);
        Assert.Equal($$"""{"id":"qp-1","version":1,"title":"{{Title}}","status":"created"}""", body);
        var sent = await _host.WaitForDeliveryAsync("qp-1", DeliveryStatus.Sent);
        Assert.Equal(1, sent.ArticleVersion);
        Assert.Contains("اختتمت مساء الجمعة أعمال المؤتمر.", File.ReadAllText(Assert.Single(_host.TelegramOutbox())));
        Assert.Equal([("api:desk", "api-article", "qp-1: created version 1", "127.0.0.1")], await _host.AuditWithOriginAsync());
    }

    [Fact]
    public async Task Post_SameBodyAgainThenChanged_200UnchangedThen200NewVersion()
    {
        await _desk.PostAsync("/api/articles", Json(Body));

        var (againStatus, againBody, again) = await SendAsync(_desk.PostAsync("/api/articles", Json(Body)));
        var (changedStatus, changedBody, _) = await SendAsync(_desk.PostAsync("/api/articles", Json(Body.Replace("أعمال المؤتمر", "أعمال المؤتمر الثالث عشر"))));

        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Null(again.Headers.Location);
        Assert.Equal($$"""{"id":"qp-1","version":1,"title":"{{Title}}","status":"unchanged"}""", againBody);
        Assert.Equal(HttpStatusCode.OK, changedStatus);
        Assert.Equal($$"""{"id":"qp-1","version":2,"title":"{{Title}}","status":"updated"}""", changedBody);
        Assert.Equal(2, (await _host.AuditAsync()).Count);
    }

    [Fact]
    public async Task Post_BadFields_400ProblemNamingEachFieldAndNothingStored()
    {
        var (status, body, response) = await SendAsync(_desk.PostAsync(
            "/api/articles",
            Json("""{"title": 2023, "url": "javascript:alert(1)", "image": "data:image/png;base64,AAAA", "tags": {"a": 1}, "body": "x"}""")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(400, (int)problem["status"]!);
        Assert.Equal(
            [
                ("title", "#/title", "field \"title\" must be a string"),
                ("tags", "#/tags", "field \"tags\" must be a list of strings or a string"),
                ("url", "#/url", "field \"url\" must be an absolute http(s) URL, not \"javascript:alert(1)\""),
                ("image", "#/image", "field \"image\" must be an absolute http(s) URL, not \"data:image/png;base64,AAAA\""),
            ],
            problem["errors"]!.AsArray().Select(e => ((string)e!["field"]!, (string)e["pointer"]!, (string)e["detail"]!)));
        Assert.Empty(await _host.AuditAsync());
        Assert.Empty(await _host.Store.Queries.ListAsync(new DeliveryQuery(), CancellationToken.None));
    }

    [Theory]
    [InlineData("{\"title\": \"T\", \"body\": ", "invalid JSON: ")]
    [InlineData("[1, 2]", "JSON must be an object with the article's fields, found a list")]
    public async Task Post_NotAnObject_400WithTheReasonAndNoFieldErrors(string json, string reason)
    {
        var (status, body, _) = await SendAsync(_desk.PostAsync("/api/articles", Json(json)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problem = JsonNode.Parse(body)!;
        Assert.StartsWith(reason, (string)problem["detail"]!);
        Assert.Empty(problem["errors"]!.AsArray());
    }

    [Fact]
    public async Task Post_IdMarkedAsAFeedItems_400NamingTheIdField()
    {
        var (status, body, _) = await SendAsync(_desk.PostAsync("/api/articles", Json("""{"id": "@desk/1", "title": "T", "body": "x"}""")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("id", (string)JsonNode.Parse(body)!["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task Post_NoKeyWrongKeyOrTheAdminKey_401WithBearerChallengeAndNothingStored()
    {
        using var anonymous = Client(null);
        using var wrong = Client(DeskKey + "x");
        using var admin = Client(AdminHost.Key);

        foreach (var client in new[] { anonymous, wrong, admin })
        {
            var (status, body, response) = await SendAsync(client.PostAsync("/api/articles", Json(Body)));

            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("""{"type":"about:blank","title":"Unauthorized","status":401,"detail":"missing or wrong API key: send Authorization: Bearer KEY"}""", body);
            Assert.DoesNotContain(DeskKey, body);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _desk.GetAsync("/api/articles/qp-1")).StatusCode);
        Assert.Empty(await _host.AuditAsync());
    }

    [Fact]
    public async Task Post_RepeatedWrongKeys_LimitedTo429ButTheRightKeyStillWorks()
    {
        using var guesser = Client("guess-guess-guess-guess");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i <= ArticleApiServiceCollectionExtensions.FailuresPerClient; i++)
        {
            statuses.Add((await guesser.PostAsync("/api/articles", Json(Body))).StatusCode);
        }
        var right = await _desk.PostAsync("/api/articles", Json(Body));

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, ArticleApiServiceCollectionExtensions.FailuresPerClient), statuses.Take(ArticleApiServiceCollectionExtensions.FailuresPerClient));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
    }

    [Fact]
    public async Task Post_TooLargeWithALength_413AndNothingStored()
    {
        var large = new ByteArrayContent(new byte[ArticleApiBody.MaxBytes + 1]);

        var (status, body, response) = await SendAsync(_desk.PostAsync("/api/articles", large));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("larger than 5 MB", body);
    }

    [Fact]
    public async Task Post_TooLargeChunked_413AfterReadingNoMoreThanTheLimit()
    {
        var chunked = new ChunkedJson(ArticleApiBody.MaxBytes + 64 * 1024);

        var (status, _, _) = await SendAsync(_desk.PostAsync("/api/articles", chunked));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.True(chunked.WasChunked);
        Assert.Empty(await _host.AuditAsync());
    }

    [Fact]
    public async Task Post_SmallChunkedBody_Accepted()
    {
        var (status, _, _) = await SendAsync(_desk.PostAsync("/api/articles", new ChunkedJson(Encoding.UTF8.GetBytes(Body))));

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task Retract_ThenThePostAgain_RetractedStaysUntilRetractedFalse()
    {
        await _desk.PostAsync("/api/articles", Json(Body));
        await _host.WaitForDeliveryAsync("qp-1", DeliveryStatus.Sent);

        var (status, body, _) = await SendAsync(_desk.PostAsync("/api/articles/qp-1/retract", null));
        var (twiceStatus, twiceBody, _) = await SendAsync(_desk.PostAsync("/api/articles/qp-1/retract", null));
        var (repostStatus, repostBody, _) = await SendAsync(_desk.PostAsync("/api/articles", Json(Body)));
        var (unknownStatus, _, _) = await SendAsync(_desk.PostAsync("/api/articles/nope/retract", null));
        await _host.WaitForDeliveryAsync("qp-1", DeliveryStatus.Sent, DeliveryKind.Delete);
        var (backStatus, backBody, _) = await SendAsync(_desk.PostAsync("/api/articles", Json(Body.Replace("\"id\": \"qp-1\",", "\"id\": \"qp-1\", \"retracted\": false,"))));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($$"""{"id":"qp-1","version":2,"title":"{{Title}}","retracted":true}""", body);
        Assert.Equal(HttpStatusCode.Conflict, twiceStatus);
        Assert.Equal("qp-1 is already retracted (version 2)", (string)JsonNode.Parse(twiceBody)!["detail"]!);
        Assert.Equal(HttpStatusCode.OK, repostStatus);
        Assert.Equal($$"""{"id":"qp-1","version":2,"title":"{{Title}}","status":"retracted"}""", repostBody);
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.Equal(HttpStatusCode.OK, backStatus);
        Assert.Equal($$"""{"id":"qp-1","version":3,"title":"{{Title}}","status":"updated"}""", backBody);
        Assert.Equal(
            [
                ("api:desk", "api-article", "qp-1: created version 1", "127.0.0.1"),
                ("api:desk", "api-retract", "qp-1: retracted as version 2", "127.0.0.1"),
                ("api:desk", "api-article", "qp-1: updated version 3", "127.0.0.1"),
            ],
            await _host.AuditWithOriginAsync());
    }

    [Fact]
    public async Task Get_AnnouncedArticle_TheArticleAndEachDestinationsState()
    {
        await _desk.PostAsync("/api/articles", Json(Body));
        var sent = await _host.WaitForDeliveryAsync("qp-1", DeliveryStatus.Sent);

        var (status, body, response) = await SendAsync(_desk.GetAsync("/api/articles/qp-1"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var article = JsonNode.Parse(body)!;
        Assert.Equal(("qp-1", "newsroom", 1, Title, false, "rtl"),
            ((string)article["id"]!, (string)article["origin"]!, (int)article["version"]!, (string)article["title"]!, (bool)article["retracted"]!, (string)article["direction"]!));
        var news = article["deliveries"]!.AsArray().Single(d => (string)d!["destination"]! == "news")!;
        Assert.Equal(("telegram", "sent", "announce", 1, 1), ((string)news["channel"]!, (string)news["state"]!, (string)news["kind"]!, (int)news["version"]!, (int)news["attempts"]!));
        Assert.Equal(sent.RemoteIds, news["remoteIds"]!.AsArray().Select(n => (string)n!));
        Assert.Empty(news["links"]!.AsArray());
        Assert.Equal(1, (int)news["recipients"]!["sent"]!);
    }

    [Fact]
    public async Task Get_IdWithSlashesAndPercentSigns_FoundThroughTheEscapedLocation()
    {
        const string id = "https://example.org/ar/2023/12/%D8%A7%D9%84%D9%82%D8%AF%D8%B3?path=a%2Fb";
        var posted = await _desk.PostAsync("/api/articles", Json($$"""{"url": "{{id}}", "title": "T", "body": "x"}"""));
        var location = posted.Headers.Location!.OriginalString;

        var (status, body, _) = await SendAsync(_desk.GetAsync(location));
        var (retracted, _, _) = await SendAsync(_desk.PostAsync(location + "/retract", null));

        Assert.Equal("/api/articles/https%3A%2F%2Fexample.org%2Far%2F2023%2F12%2F%25D8%25A7%25D9%2584%25D9%2582%25D8%25AF%25D8%25B3%3Fpath%3Da%252Fb", location);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, (string)JsonNode.Parse(body)!["id"]!);
        Assert.Equal(HttpStatusCode.OK, retracted);
    }

    [Fact]
    public async Task Get_UnknownOrWithoutKey_404Or401()
    {
        using var anonymous = Client(null);

        Assert.Equal(HttpStatusCode.NotFound, (await _desk.GetAsync("/api/articles/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/articles/nope")).StatusCode);
    }

    /// <summary>A body sent with <c>Transfer-Encoding: chunked</c>, no length announced.</summary>
    private sealed class ChunkedJson : HttpContent
    {
        private readonly byte[]? _bytes;
        private readonly long _length;

        public ChunkedJson(long length) => _length = length;

        public ChunkedJson(byte[] bytes) => (_bytes, _length) = (bytes, bytes.Length);

        public bool WasChunked { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            WasChunked = Headers.ContentLength is null;
            if (_bytes is not null)
            {
                await stream.WriteAsync(_bytes);
                return;
            }

            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            try
            {
                for (long sent = 0; sent < _length; sent += chunk.Length) await stream.WriteAsync(chunk);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
            {
                // The server answered 413 and stopped reading.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
