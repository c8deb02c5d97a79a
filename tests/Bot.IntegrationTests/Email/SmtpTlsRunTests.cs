using Bot.IntegrationTests.Fakes.Smtp;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Email;

/// <summary>The whole <c>bot run</c> process mailing through a STARTTLS relay whose certificate a private CA issued, as the README says to set it up.</summary>
public sealed class SmtpTlsRunTests : IAsyncLifetime
{
    private readonly TempDirectory dir = new();
    private readonly TestCertificateAuthority authority = TestCertificateAuthority.Create();
    private FakeSmtpServer smtp = null!;
    private BotProcess? bot;

    public async Task InitializeAsync() => smtp = await FakeSmtpServer.StartTlsAsync(authority.Server);

    public async Task DisposeAsync()
    {
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        await smtp.DisposeAsync();
        authority.Dispose();
        dir.Dispose();
    }

    [Fact]
    public async Task Run_RelayCaInTrustedCertificate_AnnouncementDeliveredOverTls()
    {
        await StartAsync($"\"TrustedCertificate\": \"{authority.RootPemPath}\"");

        dir.Write("data/inbox/article.txt", Articles.Text("خبر للاختبار"));

        await Eventually.HoldsAsync(() => smtp.Messages.Count == 1, "the announcement reaches the subscriber");
        Assert.True(smtp.Messages[0].OverTls);
        Assert.Equal(["reader@example.org"], smtp.Messages[0].EnvelopeTo);
    }

    [Fact]
    public async Task Run_RelayCaNotTrusted_DeliveryRecordsOneLineCertificateError()
    {
        await StartAsync(null);

        dir.Write("data/inbox/article.txt", Articles.Text("خبر للاختبار"));

        string? line = null;
        await Eventually.HoldsAsync(
            async () => (line = (await BotProcess.RunAsync(dir.Path, "deliveries")).OutputLines.FirstOrDefault(l => l.Contains("reader@example.org"))) is not null
                && line.Contains("SMTP TLS"),
            "the delivery records the TLS failure");
        Assert.EndsWith(
            $"channel unavailable: SMTP TLS: TLS with 127.0.0.1:{smtp.Port} failed: the certificate of 127.0.0.1 (CN=relay.test, issued by CN=Bot Test Relay CA) "
            + "is not trusted (PartialChain); a private relay's CA can be trusted with Email:Smtp:TrustedCertificate",
            line);
        Assert.Empty(smtp.Messages);
    }

    private async Task StartAsync(string? trust)
    {
        dir.Write("config/appsettings.json", $$"""
            {
              "Http": { "Urls": "http://127.0.0.1:{{FreePort.Next()}}" },
              "Sources": { "Seed": "" },
              "Email": {
                "Smtp": { "Host": "127.0.0.1", "Port": {{smtp.Port}}, "Security": "StartTls" {{(trust is null ? "" : ", " + trust)}} },
                "From": "News <news@qudspress.example>",
                "PublicBaseUrl": "https://news.example.org",
                "Destinations": [ { "Name": "news" } ]
              }
            }
            """);
        var added = await BotProcess.RunAsync(dir.Path, "subscribers", "add", "reader@example.org");
        Assert.True(added.ExitCode == 0, added.ToString());
        bot = BotProcess.Start(dir.Path, "run");
    }
}
