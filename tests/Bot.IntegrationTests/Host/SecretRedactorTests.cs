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
}
