namespace Bot.Channels.Email;

/// <summary>The email channel (<c>Email</c> section).</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Sender, <c>address</c> or <c>Display Name &lt;address&gt;</c>; also the envelope sender.</summary>
    public string? From { get; set; }

    /// <summary>Public root for confirm and unsubscribe links, e.g. <c>https://news.example.org</c>.</summary>
    public string? PublicBaseUrl { get; set; }

    public DkimOptions Dkim { get; set; } = new();

    /// <summary>True when an SMTP host is configured; otherwise the channel runs dry.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);
}
