using Bot.Channels.Discord;
using Bot.Core.Channels;
using Xunit;

namespace Bot.IntegrationTests.Discord;

/// <summary>Real Discord error answers (bodies as Discord sends them) through the reader and the classifier.</summary>
public sealed class DiscordErrorClassifierTests
{
    private static readonly string[] Ids = ["1180000000000000001"];

    [Theory]
    [InlineData(429, """{"message": "You are being rate limited.", "retry_after": 64.57, "global": false}""", false, "RetryLater 64570")]
    [InlineData(429, """{"message": "You are being rate limited.", "retry_after": 1.2345, "global": false, "code": 20028}""", true, "RetryLater 1235")]
    [InlineData(429, """{"message": "You are being rate limited.", "retry_after": 0.5, "global": true}""", false, "RetryLater 500")]
    [InlineData(401, """{"message": "401: Unauthorized", "code": 0}""", false, "Unavailable")]
    [InlineData(401, """{"message": "401: Unauthorized", "code": 0}""", true, "Rejected gone")]
    [InlineData(401, """{"message": "Invalid Webhook Token", "code": 50027}""", true, "Rejected gone")]
    [InlineData(401, """{"message": "Invalid Webhook Token", "code": 50027}""", false, "Unavailable")]
    [InlineData(403, """{"message": "Missing Access", "code": 50001}""", false, "Rejected gone")]
    [InlineData(403, """{"message": "Missing Permissions", "code": 50013}""", false, "Rejected gone")]
    [InlineData(404, """{"message": "Unknown Channel", "code": 10003}""", false, "Rejected gone")]
    [InlineData(404, """{"message": "Unknown Webhook", "code": 10015}""", true, "Rejected gone")]
    [InlineData(404, """{"message": "404: Not Found", "code": 0}""", true, "Rejected gone")]
    [InlineData(404, """{"message": "Unknown Message", "code": 10008}""", false, "Rejected kept")]
    [InlineData(400, """{"message": "Cannot send an empty message", "code": 50006}""", false, "Rejected kept")]
    [InlineData(400, """{"message": "Invalid Form Body", "code": 50035, "errors": {"content": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 2000 or fewer in length."}]}}}""", false, "Rejected kept")]
    [InlineData(413, """{"message": "Request entity too large", "code": 40005}""", false, "Rejected kept")]
    [InlineData(500, """{"message": "500: Internal Server Error", "code": 0}""", false, "RetryLater none")]
    [InlineData(502, "<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>", true, "RetryLater none")]
    [InlineData(503, """{"message": "API resource is currently overloaded. Try again a little later.", "code": 130000}""", false, "RetryLater none")]
    [InlineData(429, """{"message": "API resource is currently overloaded. Try again a little later.", "code": 130000, "retry_after": 2}""", false, "RetryLater 2000")]
    public void Classify_RealDiscordAnswer_GivesTheOutcome(int status, string body, bool webhook, string expected)
    {
        var error = DiscordRestClient.ReadError(status, body, DiscordRateLimitHeaders.None);

        var outcome = DiscordErrorClassifier.Classify(error, webhook, Ids);

        Assert.Equal(expected, Describe(outcome));
        Assert.Equal(Ids, outcome.RemoteIds);
    }

    [Fact]
    public void Classify_NoAnswer_RetriesLaterWithoutAWait()
    {
        var outcome = DiscordErrorClassifier.Classify(new DiscordApiError(0, 0, "timed out"), webhook: false, []);

        Assert.Equal("RetryLater none", Describe(outcome));
        Assert.Contains("unreachable", ((SendOutcome.RetryLater)outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadError_InvalidFormBody_ReasonNamesEveryField()
    {
        const string body = """
            {"message": "Invalid Form Body", "code": 50035, "errors": {
              "content": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 2000 or fewer in length."}]},
              "embeds": {"0": {"description": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 4096 or fewer in length."}]}}}}}
            """;

        var outcome = DiscordErrorClassifier.Classify(DiscordRestClient.ReadError(400, body, DiscordRateLimitHeaders.None), false, []);

        var rejected = Assert.IsType<SendOutcome.Rejected>(outcome);
        Assert.False(rejected.TargetGone);
        Assert.Equal(
            "Discord 400 50035: Invalid Form Body (content: Must be 2000 or fewer in length. (BASE_TYPE_MAX_LENGTH); embeds.0.description: Must be 4096 or fewer in length. (BASE_TYPE_MAX_LENGTH))",
            rejected.Reason);
    }

    [Fact]
    public void ReadError_TooManyRequestsWithoutBody_FallsBackToRetryAfterHeaders()
    {
        var headers = new DiscordRateLimitHeaders("abc", 5, 0, TimeSpan.FromMilliseconds(3250), Global: false, Scope: "shared");

        var error = DiscordRestClient.ReadError(429, string.Empty, headers);

        Assert.Equal(TimeSpan.FromMilliseconds(3250), error.RetryAfter);
        Assert.Equal("shared", error.Scope);
    }

    private static string Describe(SendOutcome outcome) => outcome switch
    {
        SendOutcome.RetryLater { RetryAfter: { } wait } => $"RetryLater {wait.TotalMilliseconds}",
        SendOutcome.RetryLater => "RetryLater none",
        SendOutcome.Rejected { TargetGone: true } => "Rejected gone",
        SendOutcome.Rejected => "Rejected kept",
        SendOutcome.Unavailable => "Unavailable",
        _ => outcome.GetType().Name,
    };
}
