using Bot.Host.Logging;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Bot.IntegrationTests.Host;

public sealed class SecretRedactorTests
{
    [Fact]
    public void Redact_TelegramUrl_HidesTheToken()
    {
        var redactor = new SecretRedactor(new ConfigurationBuilder().Build());

        var text = redactor.Redact("POST https://api.telegram.org/bot123456:AA-bc_DEF/sendMessage failed");

        Assert.Equal("POST https://api.telegram.org/bot***/sendMessage failed", text);
    }

    [Fact]
    public void Redact_ConfiguredSecrets_AreHiddenWherever_TheyAppear()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("Discord:BotToken", "discord-secret-value"),
            new("Email:Smtp:Password", "hunter2hunter2"),
        ]).Build();
        var redactor = new SecretRedactor(configuration);

        var text = redactor.Redact("auth Bot discord-secret-value; smtp login with hunter2hunter2");

        Assert.DoesNotContain("discord-secret-value", text);
        Assert.DoesNotContain("hunter2", text);
    }

    [Fact]
    public void Redact_ArticleApiKeys_EveryOneIsHidden()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("Http:ApiKeys:0:Name", "desk"),
            new("Http:ApiKeys:0:Key", "desk-key-0123456789"),
            new("Http:ApiKeys:1:Name", "wire"),
            new("Http:ApiKeys:1:Key", "wire-key-9876543210"),
        ]).Build();
        var redactor = new SecretRedactor(configuration);

        var text = redactor.Redact("Authorization: Bearer desk-key-0123456789, then wire-key-9876543210 from desk");

        Assert.Equal("Authorization: Bearer ***, then *** from desk", text);
    }

    [Fact]
    public void Redact_ConnectionStringPassword_IsHidden()
    {
        var redactor = new SecretRedactor(new ConfigurationBuilder().Build());

        var text = redactor.Redact("Host=db;Username=bot;Password=s3cret;Database=bot");

        Assert.Equal("Host=db;Username=bot;Password=***;Database=bot", text);
    }

    [Fact]
    public void Redact_LinkTokensInARequestLine_AreHidden()
    {
        var redactor = new SecretRedactor(new ConfigurationBuilder().Build());

        var text = redactor.Redact("Request starting HTTP/1.1 GET http://127.0.0.1:8080/unsubscribe?token=AgAbC-_123 - - and /confirm?x=1&token=Zz9");

        Assert.Equal("Request starting HTTP/1.1 GET http://127.0.0.1:8080/unsubscribe?token=*** - - and /confirm?x=1&token=***", text);
    }

    [Fact]
    public void Redact_PreviousTokenKeys_AreHidden()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("Email:TokenKey", "the current key, long enough for HMAC"),
            new("Email:PreviousTokenKeys:0", "an older key that still verifies links"),
        ]).Build();

        var text = new SecretRedactor(configuration).Redact("keys: the current key, long enough for HMAC / an older key that still verifies links");

        Assert.Equal("keys: *** / ***", text);
    }
}
