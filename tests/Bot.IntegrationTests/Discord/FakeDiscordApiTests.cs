using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bot.IntegrationTests.Fakes.DiscordApi;
using Xunit;

namespace Bot.IntegrationTests.Discord;

/// <summary>The fake is only useful if it refuses what Discord refuses: raw requests prove it.</summary>
public sealed class FakeDiscordApiTests
{
    private const string Channel = "1100000000000000001";

    [Fact]
    public async Task Create_WithoutAuthorization_Is401LikeDiscord()
    {
        await using var api = await FakeDiscordApi.StartAsync();
        using var http = new HttpClient();

        var response = await http.SendAsync(Request(api, Channel, """{"content":"x","allowed_mentions":{"parse":[]}}""", token: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"message":"401: Unauthorized","code":0}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_WithoutAllowedMentions_RecordsAViolationAndThePing()
    {
        await using var api = await FakeDiscordApi.StartAsync();
        using var http = new HttpClient();

        var response = await http.SendAsync(Request(api, Channel, """{"content":"@everyone look"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(api.Violations, v => v.Contains("allowed_mentions", StringComparison.Ordinal));
        Assert.Single(api.Pings);
    }

    [Theory]
    [InlineData("""{"content":"CONTENT"}""", "content", "BASE_TYPE_MAX_LENGTH")]
    [InlineData("""{"embeds":[{"description":"DESCRIPTION"}]}""", "embeds.0.description", "BASE_TYPE_MAX_LENGTH")]
    [InlineData("""{"embeds":[{"title":"TITLE"}]}""", "embeds.0.title", "BASE_TYPE_MAX_LENGTH")]
    [InlineData("""{"embeds":[{"description":"D4000"},{"description":"D4000"}]}""", "embeds", "MAX_EMBED_SIZE_EXCEEDED")]
    public async Task Create_OverALimit_Is400InvalidFormBodyWithTheField(string template, string path, string code)
    {
        await using var api = await FakeDiscordApi.StartAsync();
        using var http = new HttpClient();
        var body = template
            .Replace("CONTENT", new string('a', 2001), StringComparison.Ordinal)
            .Replace("DESCRIPTION", new string('a', 4097), StringComparison.Ordinal)
            .Replace("TITLE", new string('a', 257), StringComparison.Ordinal)
            .Replace("D4000", new string('a', 4000), StringComparison.Ordinal);
        var json = JsonNode.Parse(body)!.AsObject();
        json["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() };

        var response = await http.SendAsync(Request(api, Channel, json.ToJsonString()));
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(50035, answer["code"]!.GetValue<int>());
        var node = path.Split('.').Aggregate(answer["errors"]!, (n, key) => n[key]!);
        Assert.Equal(code, node["_errors"]![0]!["code"]!.GetValue<string>());
        Assert.Empty(api.Messages);
    }

    [Fact]
    public async Task Create_NotJson_Is400()
    {
        await using var api = await FakeDiscordApi.StartAsync();
        using var http = new HttpClient();
        var request = Request(api, Channel, "content=x");
        request.Content = new StringContent("content=x", Encoding.UTF8, "text/plain");

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("CONTENT_TYPE_INVALID", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SixthInAFiveRequestWindow_Is429WithAFloatRetryAfter()
    {
        await using var api = await FakeDiscordApi.StartAsync(new FakeDiscordApiOptions { BucketLimit = 5, BucketWindow = TimeSpan.FromSeconds(30) });
        using var http = new HttpClient();
        var responses = new List<HttpResponseMessage>();

        for (var i = 0; i < 6; i++)
        {
            responses.Add(await http.SendAsync(Request(api, Channel, "{\"content\":\"" + i + "\",\"allowed_mentions\":{\"parse\":[]}}")));
        }

        var other = await http.SendAsync(Request(api, "1100000000000000002", """{"content":"x","allowed_mentions":{"parse":[]}}"""));
        var limited = responses[5];
        var answer = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;

        Assert.Equal([200, 200, 200, 200, 200, 429], responses.Select(r => (int)r.StatusCode));
        Assert.Equal(["4", "3", "2", "1", "0"], responses.Take(5).Select(r => Header(r, "X-RateLimit-Remaining")));
        Assert.InRange(answer["retry_after"]!.GetValue<decimal>(), 0.001m, 30m);
        Assert.False(answer["global"]!.GetValue<bool>());
        Assert.Equal("user", Header(limited, "X-RateLimit-Scope"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(Header(responses[0], "X-RateLimit-Bucket"), Header(other, "X-RateLimit-Bucket"));
        Assert.Equal(5, api.Messages.Count(m => m.ChannelId == Channel));
    }

    [Fact]
    public async Task Create_SameNonceEnforced_ReturnsTheFirstMessage()
    {
        await using var api = await FakeDiscordApi.StartAsync();
        using var http = new HttpClient();
        const string body = """{"content":"x","allowed_mentions":{"parse":[]},"nonce":"abc","enforce_nonce":true}""";

        var first = JsonNode.Parse(await (await http.SendAsync(Request(api, Channel, body))).Content.ReadAsStringAsync())!;
        var second = JsonNode.Parse(await (await http.SendAsync(Request(api, Channel, body))).Content.ReadAsStringAsync())!;
        await http.SendAsync(Request(api, Channel, body.Replace(",\"enforce_nonce\":true", string.Empty, StringComparison.Ordinal)));

        Assert.Equal(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.Equal(2, api.Messages.Count);
    }

    private static HttpRequestMessage Request(FakeDiscordApi api, string channel, string json, string? token = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{api.ApiBaseUrl}/channels/{channel}/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (https://example.org, 1.0)");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", token.Length == 0 ? api.BotToken : token);
        }

        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.First() : null;
}
