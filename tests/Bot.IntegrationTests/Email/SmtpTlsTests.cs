using Bot.Channels.Email;
using Bot.Core.Channels;
using Bot.IntegrationTests.Fakes.Smtp;
using MailKit.Security;
using Xunit;

namespace Bot.IntegrationTests.Email;

/// <summary>
/// The email channel against real TLS SMTP servers (STARTTLS and TLS on connect) whose certificate a private CA made
/// in the test issued: trusted only through <c>Email:Smtp:TrustedCertificate</c>, never by turning checks off.
/// </summary>
public sealed class SmtpTlsTests : IDisposable
{
    private const string Reader = "reader1@example.org";

    private readonly TestCertificateAuthority authority = TestCertificateAuthority.Create();

    public void Dispose() => authority.Dispose();

    [Fact]
    public async Task SendAsync_StartTlsWithThePrivateCaTrusted_DeliveredOverTls()
    {
        await using var server = await FakeSmtpServer.StartTlsAsync(authority.Server);
        await using var sender = EmailSenderFactory.Create(Options(server.Port, SmtpSecurity.StartTls, authority.RootPemPath));

        var outcome = await SendAsync(sender);

        Assert.IsType<SendOutcome.Sent>(outcome);
        var received = Assert.Single(server.Messages);
        Assert.True(received.OverTls);
        Assert.Equal(EmailTestMessages.Arabic(Reader).TextBody, received.Message.TextBody);
    }

    [Fact]
    public async Task SendAsync_StartTlsWithoutTheTrustedCertificate_RefusedWithOneLineCertificateError()
    {
        await using var server = await FakeSmtpServer.StartTlsAsync(authority.Server);
        await using var sender = EmailSenderFactory.Create(Options(server.Port, SmtpSecurity.StartTls, trusted: null));

        var outcome = await SendAsync(sender);

        var unavailable = Assert.IsType<SendOutcome.Unavailable>(outcome);
        Assert.Equal(
            $"SMTP TLS: TLS with 127.0.0.1:{server.Port} failed: the certificate of 127.0.0.1 (CN=relay.test, issued by CN=Bot Test Relay CA) "
            + "is not trusted (PartialChain); a private relay's CA can be trusted with Email:Smtp:TrustedCertificate",
            unavailable.Reason);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task SendAsync_TrustedCertificateOfAnotherCa_Refused()
    {
        using var other = TestCertificateAuthority.Create("Some Other CA");
        await using var server = await FakeSmtpServer.StartTlsAsync(authority.Server);
        await using var sender = EmailSenderFactory.Create(Options(server.Port, SmtpSecurity.StartTls, other.RootPemPath));

        var outcome = await SendAsync(sender);

        var unavailable = Assert.IsType<SendOutcome.Unavailable>(outcome);
        Assert.Contains("is not trusted by Email:Smtp:TrustedCertificate", unavailable.Reason);
        Assert.Empty(server.Messages);
    }

    [Theory]
    [InlineData(SmtpSecurity.StartTls)]
    [InlineData(SmtpSecurity.Auto)]
    public async Task SendAsync_ServerStopsOfferingStartTls_NothingSentInClear(SmtpSecurity security)
    {
        await using var server = await FakeSmtpServer.StartAsync();
        await using var sender = EmailSenderFactory.Create(Options(server.Port, security, authority.RootPemPath));

        var outcome = await SendAsync(sender);

        var unavailable = Assert.IsType<SendOutcome.Unavailable>(outcome);
        Assert.Equal($"SMTP TLS: 127.0.0.1:{server.Port} does not offer STARTTLS, and Email:Smtp:Security={security} never sends in clear", unavailable.Reason);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task SendAsync_StartTlsStrippedFromTheAnswer_ClientSendsNothingAfterEhlo()
    {
        using var listener = ScriptedSmtpSession.Listen();
        await using var sender = EmailSenderFactory.Create(Options(Port(listener), SmtpSecurity.Auto, authority.RootPemPath));

        var sending = SendAsync(sender);
        await using var session = await ScriptedSmtpSession.AcceptAsync(listener, "PIPELINING", "8BITMIME");

        await Assert.ThrowsAsync<IOException>(() => session.ReadLineAsync());
        Assert.IsType<SendOutcome.Unavailable>(await sending);
    }

    [Fact]
    public async Task SendAsync_NoneAgainstAServerOfferingStartTls_SendsInClear()
    {
        await using var server = await FakeSmtpServer.StartTlsAsync(authority.Server);
        await using var sender = EmailSenderFactory.Create(Options(server.Port, SmtpSecurity.None, trusted: null));

        var outcome = await SendAsync(sender);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.False(Assert.Single(server.Messages).OverTls);
    }

    [Fact]
    public async Task SendAsync_SslOnConnectWithThePrivateCaTrusted_DeliveredOverTls()
    {
        await using var server = await FakeSmtpServer.StartTlsAsync(authority.Server, implicitTls: true);
        await using var sender = EmailSenderFactory.Create(Options(server.Port, SmtpSecurity.SslOnConnect, authority.RootPemPath));

        var outcome = await SendAsync(sender);

        Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.True(Assert.Single(server.Messages).OverTls);
    }

    [Fact]
    public async Task SendAsync_ManyMessagesOverStartTls_EachArrivesOnceIntactOnTheReusedSessions()
    {
        await using var server = await FakeSmtpServer.StartTlsAsync(authority.Server);
        await using var sender = EmailSenderFactory.Create(Options(server.Port, SmtpSecurity.StartTls, authority.RootPemPath, poolSize: 2));
        var readers = Enumerable.Range(1, 40).Select(i => $"reader{i}@example.org").ToList();

        var outcomes = await Task.WhenAll(readers.Select(to => sender.SendAsync(EmailTestMessages.Target(to), EmailTestMessages.Arabic(to), [], CancellationToken.None)));

        Assert.All(outcomes, outcome => Assert.IsType<SendOutcome.Sent>(outcome));
        Assert.Equal(readers.Order(), server.Messages.SelectMany(m => m.EnvelopeTo).Order());
        Assert.All(server.Messages, m => Assert.True(m.OverTls));
        Assert.All(server.Messages, m => Assert.Equal(EmailTestMessages.Arabic(m.EnvelopeTo[0]).HtmlBody, m.Message.HtmlBody?.ReplaceLineEndings("\n")));
        Assert.Equal(2, server.SessionsOpened);
    }

    [Theory]
    [InlineData(SmtpSecurity.None, 587, SecureSocketOptions.None)]
    [InlineData(SmtpSecurity.StartTls, 587, SecureSocketOptions.StartTls)]
    [InlineData(SmtpSecurity.StartTls, 465, SecureSocketOptions.StartTls)]
    [InlineData(SmtpSecurity.SslOnConnect, 465, SecureSocketOptions.SslOnConnect)]
    [InlineData(SmtpSecurity.Auto, 465, SecureSocketOptions.SslOnConnect)]
    [InlineData(SmtpSecurity.Auto, 587, SecureSocketOptions.StartTls)]
    [InlineData(SmtpSecurity.Auto, 25, SecureSocketOptions.StartTls)]
    public void SocketOptions_EachSecurity_OnlyNoneAllowsPlainText(SmtpSecurity security, int port, SecureSocketOptions expected) =>
        Assert.Equal(expected, SmtpConnection.SocketOptions(security, port));

    internal static EmailOptions Options(int port, SmtpSecurity security, string? trusted, int poolSize = 1)
    {
        var options = EmailSenderFactory.Options(port, poolSize, security);
        options.Smtp.TrustedCertificate = trusted;
        return options;
    }

    private static Task<SendOutcome> SendAsync(EmailChannelSender sender) =>
        sender.SendAsync(EmailTestMessages.Target(Reader), EmailTestMessages.Arabic(Reader), [], CancellationToken.None);

    private static int Port(System.Net.Sockets.TcpListener listener) => ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}
