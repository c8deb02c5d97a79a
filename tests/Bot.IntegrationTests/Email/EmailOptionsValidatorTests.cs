using Bot.Channels.Email;
using Bot.Core.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Bot.IntegrationTests.Email;

public sealed class EmailOptionsValidatorTests
{
    [Fact]
    public void Validate_NoHost_IsFineAndRunsDry()
    {
        var result = new EmailOptionsValidator().Validate(null, new EmailOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_HostWithoutFrom_NamesTheKey()
    {
        var result = new EmailOptionsValidator().Validate(null, new EmailOptions { Smtp = { Host = "smtp.example.org" } });

        Assert.True(result.Failed);
        Assert.Contains("Email:From", result.FailureMessage);
    }

    [Fact]
    public void Validate_HostWithoutPublicBaseUrl_NamesTheKey()
    {
        var result = new EmailOptionsValidator().Validate(null, new EmailOptions { From = "news@example.org", Smtp = { Host = "smtp.example.org" } });

        Assert.Equal("Email:PublicBaseUrl is required when Email:Smtp:Host is set: the public root of the confirm and unsubscribe links.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_BadValues_ReportsEveryKey()
    {
        var options = new EmailOptions
        {
            From = "news@example.org",
            PublicBaseUrl = "ftp://example.org",
            Smtp = { Host = "smtp.example.org", Port = 0, PoolSize = 0, Password = "p" },
            Dkim = { PrivateKeyPath = "/nonexistent/key.pem" },
        };

        var result = new EmailOptionsValidator().Validate(null, options);

        foreach (var key in new[] { "Email:Smtp:Port", "Email:Smtp:PoolSize", "Email:Smtp:Username", "Email:PublicBaseUrl", "Email:Dkim:Domain", "Email:Dkim:Selector", "Email:Dkim:PrivateKeyPath" })
        {
            Assert.Contains(key, result.FailureMessage);
        }

        Assert.DoesNotContain("\"p\"", result.FailureMessage);
    }

    [Fact]
    public async Task AddEmailChannel_WithHost_RegistersTheSenderAsAChannel()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = "2525",
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:PoolSize"] = "3",
            ["Email:From"] = "News <news@example.org>",
            ["Email:PublicBaseUrl"] = "https://news.example.org",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddEmailChannel(configuration);

        await using var provider = services.BuildServiceProvider();

        var sender = Assert.Single(provider.GetServices<IChannelSender>());
        Assert.IsType<EmailChannelSender>(sender);
        var options = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
        Assert.Equal(SmtpSecurity.None, options.Smtp.Security);
        Assert.Equal(3, options.Smtp.PoolSize);
    }

    [Fact]
    public async Task AddEmailChannel_WithoutHost_RegistersNoSender()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging().AddEmailChannel(configuration);

        await using var provider = services.BuildServiceProvider();

        Assert.Empty(provider.GetServices<IChannelSender>());
        Assert.Equal(587, provider.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Port);
        Assert.Equal(SmtpSecurity.Auto, provider.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Security);
    }
}
