using Bot.Channels.Discord;
using Bot.Core.Channels;
using Xunit;

namespace Bot.IntegrationTests.Discord;

public sealed class DiscordTokenRedactorTests
{
    private const string BotToken = "MTA5ODc2NTQzMjEwOTg3NjU0.GfAkE1.abcdefghijklmnopqrstuvwxyz0123";

    [Theory]
    [InlineData("POST https://discord.com/api/webhooks/123456/AbC-def_GHI failed", "POST https://discord.com/api/webhooks/123456/*** failed")]
    [InlineData("PATCH /api/v10/webhooks/42/tok.en/messages/9", "PATCH /api/v10/webhooks/42/***/messages/9")]
    [InlineData("Authorization: Bot " + BotToken, "Authorization: Bot ***")]
    [InlineData("route POST webhooks/42/:token", "route POST webhooks/42/:token")]
    [InlineData("Discord 404 10015: Unknown Webhook", "Discord 404 10015: Unknown Webhook")]
    public void Redact_TextWithSecrets_MasksThem(string text, string expected)
    {
        Assert.Equal(expected, new DiscordTokenRedactor(BotToken).Redact(text));
    }

    [Fact]
    public void Redact_Outcome_MasksTheReasonAndTheGivenWebhookToken()
    {
        var outcome = new SendOutcome.Rejected(["1"], "token secret-webhook-token was refused", TargetGone: true);

        var redacted = new DiscordTokenRedactor(null).Redact(outcome, "secret-webhook-token");

        var rejected = Assert.IsType<SendOutcome.Rejected>(redacted);
        Assert.Equal("token *** was refused", rejected.Reason);
        Assert.True(rejected.TargetGone);
        Assert.Equal(["1"], rejected.RemoteIds);
    }
}
