namespace Bot.Channels.Email;

/// <summary>The SMTP relay (<c>Email:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    /// <summary>Relay host name. Empty means the email channel runs dry.</summary>
    public string? Host { get; set; }

    /// <summary>Relay port. Default 587.</summary>
    public int Port { get; set; } = 587;

    /// <summary>User name; authentication happens only when this is set and the server offers AUTH.</summary>
    public string? Username { get; set; }

    /// <summary>Password. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Transport security. Default <see cref="SmtpSecurity.StartTls"/>; only <see cref="SmtpSecurity.None"/> sends in clear.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>
    /// PEM file with the certificate(s) that anchor trust in the relay's TLS certificate besides the system's store:
    /// a private CA, or the relay's own self-signed certificate. The host name is still checked. Null: system store only.
    /// </summary>
    public string? TrustedCertificate { get; set; }

    /// <summary>Connections kept open and reused, each used by one send at a time. Default 4.</summary>
    public int PoolSize { get; set; } = 4;

    /// <summary>Timeout of one SMTP command or connect. Default 60 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Name sent in EHLO; null for the machine name.</summary>
    public string? LocalDomain { get; set; }
}
