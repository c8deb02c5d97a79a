using Bot.Core.Articles;

namespace Bot.Core.Channels;

/// <summary>One personalised email, ready to be wrapped into MIME by the email channel.</summary>
/// <remarks>
/// The properties are declared in the order the dry-run outbox writes them. A spliced message's bodies are built as
/// strings only where something reads them as such; value equality compares the strings, however they were made.
/// </remarks>
public sealed record EmailMessage : RenderedMessage
{
    private readonly SplicedBody? _splicedHtml;
    private readonly SplicedBody? _splicedText;

    public EmailMessage(string to, string? toName, string subject, string htmlBody, string textBody, string language, TextDirection direction, string? unsubscribeUrl)
    {
        To = to;
        ToName = toName;
        Subject = subject;
        HtmlBody = htmlBody;
        TextBody = textBody;
        Language = language;
        Direction = direction;
        UnsubscribeUrl = unsubscribeUrl;
    }

    /// <summary>
    /// An email whose bodies were spliced for its subscriber: the channel writes them from <see cref="SplicedHtml"/>
    /// and <see cref="SplicedText"/>.
    /// </summary>
    public EmailMessage(string to, string? toName, string subject, SplicedBody html, SplicedBody text, string language, TextDirection direction, string? unsubscribeUrl)
        : this(to, toName, subject, (string)null!, (string)null!, language, direction, unsubscribeUrl)
    {
        _splicedHtml = html;
        _splicedText = text;
    }

    public string To { get; init; }

    public string? ToName { get; init; }

    public string Subject { get; init; }

    public string HtmlBody
    {
        get => field ??= _splicedHtml!.ToString();
        init
        {
            field = value;
            _splicedHtml = null;
        }
    }

    public string TextBody
    {
        get => field ??= _splicedText!.ToString();
        init
        {
            field = value;
            _splicedText = null;
        }
    }

    public string Language { get; init; }

    public TextDirection Direction { get; init; }

    public string? UnsubscribeUrl { get; init; }

    // Methods, not properties: serializers (the dry-run outbox) and the record's printing leave them out.

    /// <summary>The HTML body as spliced for the subscriber; null when it was given as a string.</summary>
    public SplicedBody? SplicedHtml() => _splicedHtml;

    /// <summary>The plain-text body as spliced for the subscriber; null when it was given as a string.</summary>
    public SplicedBody? SplicedText() => _splicedText;

    public bool Equals(EmailMessage? other) =>
        other is not null
        && To == other.To
        && ToName == other.ToName
        && Subject == other.Subject
        && HtmlBody == other.HtmlBody
        && TextBody == other.TextBody
        && Language == other.Language
        && Direction == other.Direction
        && UnsubscribeUrl == other.UnsubscribeUrl;

    public override int GetHashCode() => HashCode.Combine(To, ToName, Subject, HtmlBody, TextBody, Language, Direction, UnsubscribeUrl);
}
