using Bot.Channels.Telegram;
using Bot.Core.Channels;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

public sealed class TelegramErrorClassifierTests
{
    private static readonly string[] Sent = ["11", "12"];

    [Theory]
    [InlineData(429, "Too Many Requests: retry after 17", 17, null, "retry", false, 17)]
    [InlineData(403, "Forbidden: bot was kicked from the channel chat", null, null, "rejected", true, null)]
    [InlineData(403, "Forbidden: bot was kicked from the supergroup chat", null, null, "rejected", true, null)]
    [InlineData(403, "Forbidden: bot was kicked from the group chat", null, null, "rejected", true, null)]
    [InlineData(403, "Forbidden: bot is not a member of the channel chat", null, null, "rejected", true, null)]
    [InlineData(403, "Forbidden: bot was blocked by the user", null, null, "rejected", true, null)]
    [InlineData(403, "Forbidden: user is deactivated", null, null, "rejected", true, null)]
    [InlineData(400, "Bad Request: chat not found", null, null, "rejected", true, null)]
    [InlineData(400, "Bad Request: need administrator rights in the channel chat", null, null, "rejected", true, null)]
    [InlineData(400, "Bad Request: not enough rights to send text messages to the chat", null, null, "rejected", true, null)]
    [InlineData(400, "Bad Request: group chat was upgraded to a supergroup chat", null, -1001234567890L, "moved", false, null)]
    [InlineData(401, "Unauthorized", null, null, "unavailable", false, null)]
    [InlineData(404, "Not Found", null, null, "unavailable", false, null)]
    [InlineData(400, "Bad Request: can't parse entities: Unsupported start tag \"br\" at byte offset 12", null, null, "rejected", false, null)]
    [InlineData(400, "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"", null, null, "rejected", false, null)]
    [InlineData(400, "Bad Request: message is too long", null, null, "rejected", false, null)]
    [InlineData(400, "Bad Request: text is too long", null, null, "rejected", false, null)]
    [InlineData(400, "Bad Request: message caption is too long", null, null, "rejected", false, null)]
    [InlineData(400, "Bad Request: message to edit not found", null, null, "rejected", false, null)]
    [InlineData(400, "Bad Request: message can't be deleted", null, null, "rejected", false, null)]
    [InlineData(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", null, null, "retry", false, null)]
    [InlineData(500, "Internal Server Error", null, null, "retry", false, null)]
    [InlineData(502, "Bad Gateway", null, null, "retry", false, null)]
    public void Classify_RealTelegramAnswer_MapsToOutcome(int code, string description, int? retryAfter, long? migrateTo, string kind, bool gone, int? wait)
    {
        var outcome = TelegramErrorClassifier.Classify(new TelegramApiError(code, description, retryAfter, migrateTo), Sent);

        Assert.Equal(Sent, outcome.RemoteIds);
        switch (kind)
        {
            case "retry":
                Assert.Equal(wait is { } s ? TimeSpan.FromSeconds(s) : null, Assert.IsType<SendOutcome.RetryLater>(outcome).RetryAfter);
                break;
            case "rejected":
                var rejected = Assert.IsType<SendOutcome.Rejected>(outcome);
                Assert.Equal(gone, rejected.TargetGone);
                Assert.Contains(description, rejected.Reason, StringComparison.Ordinal);
                break;
            case "moved":
                Assert.Equal("-1001234567890", Assert.IsType<SendOutcome.TargetMoved>(outcome).NewAddress);
                break;
            default:
                Assert.IsType<SendOutcome.Unavailable>(outcome);
                break;
        }
    }

    [Fact]
    public void Classify_ApiRequestException_UsesItsParameters()
    {
        var exception = new ApiRequestException("Too Many Requests: retry after 5", 429, new ResponseParameters { RetryAfter = 5 });

        var outcome = TelegramErrorClassifier.Classify(exception, Sent);

        Assert.Equal(TimeSpan.FromSeconds(5), Assert.IsType<SendOutcome.RetryLater>(outcome).RetryAfter);
    }

    [Fact]
    public void Classify_TransportFailures_RetryLaterWithoutWait()
    {
        Exception[] failures =
        [
            new RequestException("Bot API Service Failure: HttpRequestException: Connection refused (127.0.0.1:9)", new HttpRequestException("refused")),
            new RequestException("Bot API Request timed out", new TaskCanceledException()),
            new HttpRequestException("reset"),
            new TaskCanceledException("timeout"),
        ];

        Assert.All(failures, f => Assert.Null(Assert.IsType<SendOutcome.RetryLater>(TelegramErrorClassifier.Classify(f, Sent)).RetryAfter));
    }

    [Fact]
    public void Classify_RequestExceptionWithHttpStatus_ClassifiedByStatus()
    {
        var unauthorized = new RequestException("Unauthorized", System.Net.HttpStatusCode.Unauthorized);
        var badGateway = new RequestException("<html>502</html>", System.Net.HttpStatusCode.BadGateway);

        Assert.IsType<SendOutcome.Unavailable>(TelegramErrorClassifier.Classify(unauthorized, Sent));
        Assert.IsType<SendOutcome.RetryLater>(TelegramErrorClassifier.Classify(badGateway, Sent));
    }

    [Fact]
    public void Classify_Bug_IsNotAnOutcome() =>
        Assert.Null(TelegramErrorClassifier.Classify(new InvalidOperationException("bug"), Sent));

    [Theory]
    [InlineData(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message", true)]
    [InlineData(400, "Bad Request: message to edit not found", false)]
    public void IsNotModified_ByDescription(int code, string description, bool expected) =>
        Assert.Equal(expected, TelegramErrorClassifier.IsNotModified(new TelegramApiError(code, description)));

    [Theory]
    [InlineData(400, "Bad Request: message to delete not found", true)]
    [InlineData(400, "Bad Request: message can't be deleted", false)]
    public void IsAlreadyDeleted_ByDescription(int code, string description, bool expected) =>
        Assert.Equal(expected, TelegramErrorClassifier.IsAlreadyDeleted(new TelegramApiError(code, description)));
}
