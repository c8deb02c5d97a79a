using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Bot.Channels.Email;

/// <summary>Turns what MailKit throws into <see cref="SmtpFailure"/> values.</summary>
public static class SmtpFailureReader
{
    /// <summary>The failure an exception stands for, or null when it is not an SMTP failure but a bug.</summary>
    public static SmtpFailure? Read(Exception exception, SmtpPhase phase) => exception switch
    {
        SmtpCommandException command => new SmtpFailure(KindOf(command, phase), (int)command.StatusCode, command.Message),
        AuthenticationException auth => new SmtpFailure(SmtpFailureKind.Authentication, LeadingCode(auth.Message), auth.Message),
        SmtpTlsException tls => new SmtpFailure(SmtpFailureKind.Tls, null, tls.Message),
        // MailKit's text lists the reasons on several lines with advice; the first says what happened.
        SslHandshakeException tls => new SmtpFailure(SmtpFailureKind.Tls, null, tls.Message.ReplaceLineEndings("\n").Split('\n', 2)[0]),
        ProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException
            => new SmtpFailure(SmtpFailureKind.ConnectionLost, null, exception.Message),
        _ => null,
    };

    /// <summary>True when the connection the exception came from can no longer be used as is.</summary>
    public static bool BreaksConnection(Exception exception) => exception is not SmtpCommandException
        || ((SmtpCommandException)exception).StatusCode == SmtpStatusCode.ServiceNotAvailable;

    private static SmtpFailureKind KindOf(SmtpCommandException exception, SmtpPhase phase) => phase switch
    {
        SmtpPhase.Connect => SmtpFailureKind.Greeting,
        SmtpPhase.Authenticate => SmtpFailureKind.Authentication,
        _ => exception.ErrorCode switch
        {
            SmtpErrorCode.SenderNotAccepted => SmtpFailureKind.MailFrom,
            SmtpErrorCode.RecipientNotAccepted => SmtpFailureKind.RcptTo,
            _ => SmtpFailureKind.Data,
        },
    };

    private static int? LeadingCode(string message) =>
        message.Length >= 3 && int.TryParse(message.AsSpan(0, 3), out var code) && code is >= 200 and < 600 ? code : null;
}
