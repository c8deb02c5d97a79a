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
    public void Validate_TrustedCertificateMissing_NamesTheKeyAndThePath()
    {
        var options = new EmailOptions { From = "news@example.org", PublicBaseUrl = "https://news.example.org", Smtp = { Host = "smtp.example.org", TrustedCertificate = "/nonexistent/relay-ca.pem" } };

        var result = new EmailOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var problem = Assert.Single(result.Failures!);
        Assert.StartsWith("Email:Smtp:TrustedCertificate: cannot read '/nonexistent/relay-ca.pem'", problem);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void Validate_TrustedCertificateWithoutCertificate_NamesTheKey()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not a certificate");
        try
        {
            var options = new EmailOptions { From = "news@example.org", PublicBaseUrl = "https://news.example.org", Smtp = { Host = "smtp.example.org", TrustedCertificate = path } };

            var result = new EmailOptionsValidator().Validate(null, options);

            Assert.Equal($"Email:Smtp:TrustedCertificate: no PEM certificate in '{path}'.", Assert.Single(result.Failures!));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_TrustedCertificateWithSecurityNone_NamesBothKeys()
    {
        using var authority = Fakes.Smtp.TestCertificateAuthority.Create();
        var options = new EmailOptions { From = "news@example.org", PublicBaseUrl = "https://news.example.org", Smtp = { Host = "smtp.example.org", Security = SmtpSecurity.None, TrustedCertificate = authority.RootPemPath } };

        var result = new EmailOptionsValidator().Validate(null, options);

        Assert.Equal($"Email:Smtp:TrustedCertificate is set but Email:Smtp:Security is None (got '{authority.RootPemPath}').", Assert.Single(result.Failures!));
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
        Assert.Equal(SmtpSecurity.StartTls, provider.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Security);
    }
}
