using System.Net.Sockets;
using Bot.Channels.Email;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Xunit;

namespace Bot.IntegrationTests.Email;

public sealed class SmtpFailureReaderTests
{
    public static TheoryData<Exception, SmtpPhase, SmtpFailureKind, int?> Cases => new()
    {
        { new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, new MailboxAddress("", "a@example.org"), "5.1.1 unknown"), SmtpPhase.Send, SmtpFailureKind.RcptTo, 550 },
        { new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxNameNotAllowed, new MailboxAddress("", "bot@example.org"), "5.7.1 no"), SmtpPhase.Send, SmtpFailureKind.MailFrom, 553 },
        { new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "5.7.1 spam"), SmtpPhase.Send, SmtpFailureKind.Data, 554 },
        { new SmtpCommandException(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.ServiceNotAvailable, "4.3.2 busy"), SmtpPhase.Connect, SmtpFailureKind.Greeting, 421 },
        { new SmtpCommandException(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.AuthenticationInvalidCredentials, "5.7.8 bad"), SmtpPhase.Authenticate, SmtpFailureKind.Authentication, 535 },
        { new AuthenticationException("535: 5.7.8 Username and Password not accepted"), SmtpPhase.Authenticate, SmtpFailureKind.Authentication, 535 },
        { new SmtpProtocolException("The SMTP server has unexpectedly disconnected."), SmtpPhase.Send, SmtpFailureKind.ConnectionLost, null },
        { new ServiceNotConnectedException("The SmtpClient is not connected."), SmtpPhase.Send, SmtpFailureKind.ConnectionLost, null },
        { new IOException("Broken pipe"), SmtpPhase.Send, SmtpFailureKind.ConnectionLost, null },
        { new SocketException((int)SocketError.ConnectionRefused), SmtpPhase.Connect, SmtpFailureKind.ConnectionLost, null },
        { new TimeoutException(), SmtpPhase.Send, SmtpFailureKind.ConnectionLost, null },
        { new SslHandshakeException("bad certificate"), SmtpPhase.Connect, SmtpFailureKind.Tls, null },
        { new SmtpTlsException("127.0.0.1:587 does not offer STARTTLS"), SmtpPhase.Connect, SmtpFailureKind.Tls, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_MailKitException_GivesKindAndCode(Exception exception, SmtpPhase phase, SmtpFailureKind kind, int? code)
    {
        var failure = SmtpFailureReader.Read(exception, phase);

        Assert.NotNull(failure);
        Assert.Equal(kind, failure.Kind);
        Assert.Equal(code, failure.StatusCode);
    }

    [Fact]
    public void Read_ProgrammingError_IsNotAnSmtpFailure()
    {
        Assert.Null(SmtpFailureReader.Read(new NullReferenceException(), SmtpPhase.Send));
        Assert.Null(SmtpFailureReader.Read(new NotSupportedException(), SmtpPhase.Send));
    }
}
