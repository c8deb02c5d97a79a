namespace Bot.Channels.Email;

/// <summary>Where an SMTP exchange failed.</summary>
public enum SmtpFailureKind
{
    /// <summary>Refused, dropped, timed out or garbled connection: no usable reply from the server.</summary>
    ConnectionLost,

    /// <summary>TLS could not be set up (bad certificate, STARTTLS required but not offered).</summary>
    Tls,

    /// <summary>The server refused our credentials.</summary>
    Authentication,

    /// <summary>A reply to the greeting or EHLO.</summary>
    Greeting,

    /// <summary>A reply to MAIL FROM: about the sender.</summary>
    MailFrom,

    /// <summary>A reply to RCPT TO: about the recipient.</summary>
    RcptTo,

    /// <summary>A reply to DATA or to the message body: about the content.</summary>
    Data,
}
