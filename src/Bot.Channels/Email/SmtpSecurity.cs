namespace Bot.Channels.Email;

/// <summary>
/// How the SMTP connection is secured (<c>Email:Smtp:Security</c>). Every mode but <see cref="None"/> requires TLS:
/// a relay that does not offer it gets nothing, so an attacker who strips STARTTLS from the server's answer learns
/// nothing either.
/// </summary>
public enum SmtpSecurity
{
    /// <summary>Plain text, never upgraded. Only for a relay on the same host or a trusted network.</summary>
    None,

    /// <summary>STARTTLS is required; a server that does not offer it is an error (port 587). The default.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary><see cref="SslOnConnect"/> on port 465, otherwise <see cref="StartTls"/>; never plain text.</summary>
    Auto,
}
