using Bot.Channels.Email;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.IntegrationTests.Fakes.Smtp;
using MimeKit;
using Xunit;

namespace Bot.IntegrationTests.Email;

/// <summary>
/// The plain-session fast path against a server scripted line by line: a reply held back until the client has sent
/// the rest of its group proves the client pipelined it (a lock-step client would wait for that reply and time out).
/// </summary>
public sealed class PipelinedSmtpSendTests : IDisposable
{
    private const string EnvelopeFrom = "MAIL FROM:<news@qudspress.example>";

    private readonly TestCertificateAuthority authority = TestCertificateAuthority.Create();

    public void Dispose() => authority.Dispose();

    [Theory]
    [InlineData(ScriptedTls.None, SmtpSecurity.None)]
    [InlineData(ScriptedTls.StartTls, SmtpSecurity.StartTls)]
    [InlineData(ScriptedTls.Implicit, SmtpSecurity.SslOnConnect)]
    public async Task SendAsync_SecondMessageQueued_ItsEnvelopeTravelsWithTheFirstMessagesFinalDot(ScriptedTls tls, SmtpSecurity security)
    {
        using var listener = ScriptedSmtpSession.Listen();
        await using var sender = EmailSenderFactory.Create(SmtpTlsTests.Options(Port(listener), security, tls == ScriptedTls.None ? null : authority.RootPemPath));

        var first = sender.SendAsync(EmailTestMessages.Target("reader1@example.org"), EmailTestMessages.Arabic("reader1@example.org"), [], CancellationToken.None);
        await using var session = await ScriptedSmtpSession.AcceptAsync(listener, tls, authority.Server, "PIPELINING", "8BITMIME");
        Assert.Equal([EnvelopeFrom, "RCPT TO:<reader1@example.org>", "DATA"], await ReadLinesAsync(session, 3));

        var second = sender.SendAsync(EmailTestMessages.Target("reader2@example.org"), WithDottedLine("reader2@example.org"), [], CancellationToken.None);
        await session.SendAsync("250 2.1.0 Ok", "250 2.1.5 Ok", "354 End data with <CR><LF>.<CR><LF>");
        var firstData = await session.ReadDataAsync();
        Assert.Equal([EnvelopeFrom, "RCPT TO:<reader2@example.org>", "DATA"], await ReadLinesAsync(session, 3));
        Assert.False(first.IsCompleted);

        await session.SendAsync("250 2.0.0 Ok: queued as A1", "250 2.1.0 Ok", "250 2.1.5 Ok", "354 End data with <CR><LF>.<CR><LF>");
        var secondData = await session.ReadDataAsync();
        await session.SendAsync("250 2.0.0 Ok: queued as B2");

        Assert.IsType<SendOutcome.Sent>(await first);
        Assert.IsType<SendOutcome.Sent>(await second);
        var firstMessage = MimeMessage.Load(new MemoryStream(ScriptedSmtpSession.Unstuff(firstData)));
        Assert.Equal("reader1@example.org", Assert.Single(firstMessage.To.Mailboxes).Address);
        Assert.Equal(EmailTestMessages.Subject, firstMessage.Subject);
        Assert.Contains("dir=\"rtl\"", firstMessage.HtmlBody ?? "");
        Assert.Contains("..hidden line", secondData);
        var secondMessage = MimeMessage.Load(new MemoryStream(ScriptedSmtpSession.Unstuff(secondData)));
        Assert.Equal("first line\n.hidden line\nlast line\n", (secondMessage.TextBody ?? "").ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData(ScriptedTls.None, SmtpSecurity.None)]
    [InlineData(ScriptedTls.StartTls, SmtpSecurity.StartTls)]
    public async Task SendAsync_RecipientRefusedInTheGroup_ResetsAndTheSessionCarriesTheNextMessage(ScriptedTls tls, SmtpSecurity security)
    {
        using var listener = ScriptedSmtpSession.Listen();
        await using var sender = EmailSenderFactory.Create(SmtpTlsTests.Options(Port(listener), security, tls == ScriptedTls.None ? null : authority.RootPemPath));

        var refused = sender.SendAsync(EmailTestMessages.Target("gone@example.org"), EmailTestMessages.Arabic("gone@example.org"), [], CancellationToken.None);
        await using var session = await ScriptedSmtpSession.AcceptAsync(listener, tls, authority.Server, "PIPELINING");
        Assert.Equal([EnvelopeFrom, "RCPT TO:<gone@example.org>", "DATA"], await ReadLinesAsync(session, 3));
        await session.SendAsync("250 2.1.0 Ok", "550-5.1.1 <gone@example.org>: Recipient address rejected:", "550 5.1.1 User unknown in virtual mailbox table", "554 5.5.1 Error: no valid recipients");
        Assert.Equal("RSET", await session.ReadLineAsync());
        await session.SendAsync("250 2.0.0 Ok");

        var outcome = await refused;
        var next = sender.SendAsync(EmailTestMessages.Target("reader1@example.org"), EmailTestMessages.Arabic("reader1@example.org"), [], CancellationToken.None);
        Assert.Equal([EnvelopeFrom, "RCPT TO:<reader1@example.org>", "DATA"], await ReadLinesAsync(session, 3));
        await session.SendAsync("250 2.1.0 Ok", "250 2.1.5 Ok", "354 go ahead");
        await session.ReadDataAsync();
        await session.SendAsync("250 2.0.0 Ok: queued");

        var rejected = Assert.IsType<SendOutcome.Rejected>(outcome);
        Assert.True(rejected.TargetGone);
        Assert.Contains("550", rejected.Reason);
        Assert.Contains("User unknown in virtual mailbox table", rejected.Reason);
        Assert.IsType<SendOutcome.Sent>(await next);
    }

    [Fact]
    public async Task SendAsync_ServerWithoutPipelining_EveryCommandWaitsForItsReply()
    {
        using var listener = ScriptedSmtpSession.Listen();
        await using var sender = EmailSenderFactory.Create(EmailSenderFactory.Options(Port(listener), poolSize: 1));

        var email = EmailTestMessages.Arabic("reader1@example.org", "قارئ");
        var sending = sender.SendAsync(EmailTestMessages.Target("reader1@example.org"), email, [], CancellationToken.None);
        await using var session = await ScriptedSmtpSession.AcceptAsync(listener, "8BITMIME");
        Assert.Equal(EnvelopeFrom, await session.ReadLineAsync());
        await session.SendAsync("250 2.1.0 Ok");
        Assert.Equal("RCPT TO:<reader1@example.org>", await session.ReadLineAsync());
        await session.SendAsync("250 2.1.5 Ok");
        Assert.Equal("DATA", await session.ReadLineAsync());
        await session.SendAsync("354 go ahead");
        var data = await session.ReadDataAsync();
        await session.SendAsync("250 2.0.0 Ok: queued");

        // MailKit's client sent the message the channel composed as bytes, as MimeKit read it back from them.
        var sent = Assert.IsType<SendOutcome.Sent>(await sending);
        var message = MimeMessage.Load(new MemoryStream(ScriptedSmtpSession.Unstuff(data)));
        Assert.Equal(Assert.Single(sent.RemoteIds), message.MessageId);
        Assert.Equal(new MailboxAddress("قارئ", "reader1@example.org"), Assert.Single(message.To.Mailboxes));
        Assert.Equal(EmailTestMessages.Subject, message.Subject);
        Assert.Equal(email.TextBody, message.TextBody);
        Assert.Equal(email.HtmlBody, message.HtmlBody);
        Assert.Equal($"<{email.UnsubscribeUrl}>", message.Headers[HeaderId.ListUnsubscribe]);
    }

    [Theory]
    [InlineData(ScriptedTls.None, SmtpSecurity.None)]
    [InlineData(ScriptedTls.Implicit, SmtpSecurity.SslOnConnect)]
    public async Task SendAsync_ServerSilentAfterTheEnvelope_RetryLaterOnceTheReadTimesOut(ScriptedTls tls, SmtpSecurity security)
    {
        using var listener = ScriptedSmtpSession.Listen();
        var options = SmtpTlsTests.Options(Port(listener), security, tls == ScriptedTls.None ? null : authority.RootPemPath);
        options.Smtp.Timeout = TimeSpan.FromSeconds(2);
        await using var sender = EmailSenderFactory.Create(options);

        var sending = sender.SendAsync(EmailTestMessages.Target("reader1@example.org"), EmailTestMessages.Arabic("reader1@example.org"), [], CancellationToken.None);
        await using var session = await ScriptedSmtpSession.AcceptAsync(listener, tls, authority.Server, "PIPELINING");
        Assert.Equal([EnvelopeFrom, "RCPT TO:<reader1@example.org>", "DATA"], await ReadLinesAsync(session, 3));

        var retry = Assert.IsType<SendOutcome.RetryLater>(await sending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("timed out", retry.Reason, StringComparison.OrdinalIgnoreCase);
    }

    private static int Port(System.Net.Sockets.TcpListener listener) => ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;

    private static async Task<string[]> ReadLinesAsync(ScriptedSmtpSession session, int count)
    {
        var lines = new string[count];
        for (var i = 0; i < count; i++)
        {
            lines[i] = await session.ReadLineAsync();
        }

        return lines;
    }

    private static EmailMessage WithDottedLine(string to) => new(
        to, null, "Dots", "<p>first line</p>", "first line\n.hidden line\nlast line\n", "en", TextDirection.Ltr, "https://news.example.org/unsubscribe?token=t");
}
