using Bot.Channels.Telegram;
using Bot.Core.Channels;
using Xunit;

namespace Bot.IntegrationTests.Telegram;

public sealed class TelegramTokenRedactorTests
{
    private const string Token = "7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_";

    [Theory]
    [InlineData("POST https://api.telegram.org/bot7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_/sendMessage failed", "POST https://api.telegram.org/bot***/sendMessage failed")]
    [InlineData("token 7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_ leaked", "token *** leaked")]
    [InlineData("/bot7012345678%3AAAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_/getMe", "/bot***/getMe")]
    [InlineData("Bad Request: chat not found", "Bad Request: chat not found")]
    [InlineData("at 12:30 the feed", "at 12:30 the feed")]
    public void Redact_ConfiguredToken_Removed(string text, string expected) =>
        Assert.Equal(expected, new TelegramTokenRedactor(Token).Redact(text));

    [Fact]
    public void Redact_OtherBotsTokenInUrl_RemovedEvenWhenNotConfigured() =>
        Assert.Equal("https://h/bot***/getMe", new TelegramTokenRedactor(null).Redact("https://h/bot123:abc-DEF_9/getMe"));

    [Fact]
    public void Redact_Outcome_EveryReasonScrubbed()
    {
        var redactor = new TelegramTokenRedactor(Token);
        SendOutcome[] outcomes =
        [
            new SendOutcome.RetryLater(["1"], null, $"x {Token}"),
            new SendOutcome.Rejected(["1"], $"x {Token}", TargetGone: false),
            new SendOutcome.Unavailable(["1"], $"x {Token}"),
        ];

        Assert.All(outcomes, o => Assert.DoesNotContain(Token, redactor.Redact(o).ToString(), StringComparison.Ordinal));
    }
}
