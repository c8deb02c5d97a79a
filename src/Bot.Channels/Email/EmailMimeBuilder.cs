using System.Text;
using Bot.Core.Channels;
using MimeKit;
using MimeKit.Utils;

namespace Bot.Channels.Email;

/// <summary>
/// Wraps a rendered <see cref="EmailMessage"/> into the MIME message that is sent: multipart/alternative with the
/// plain text first and the HTML last (clients show the last part they can), RFC 2047 headers for non-ASCII
/// subjects and names, and the RFC 2369 / RFC 8058 unsubscribe headers.
/// </summary>
public sealed class EmailMimeBuilder
{
    private readonly MailboxAddress _from;
    private readonly TimeProvider _timeProvider;
    private readonly MessageIds? _messageIds;

    /// <param name="from">The sender, e.g. <c>"Quds Desk &lt;news@example.org&gt;"</c>; its domain names the Message-IDs.</param>
    public EmailMimeBuilder(string from, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _from = MailboxAddress.Parse(from);
        _timeProvider = timeProvider;
        _messageIds = _from.Domain.Length > 0 ? new MessageIds(_from.Domain) : null;
    }

    /// <summary>A maker of list mail as this builder builds it, without MimeKit's objects; null when the sender has no domain.</summary>
    internal ListMailBuilder? CreateListMailBuilder() =>
        _messageIds is null ? null : new ListMailBuilder(_from, _timeProvider, _messageIds);

    /// <summary>Builds the message; <paramref name="messageId"/> (without angle brackets) is generated when not given.</summary>
    public MimeMessage Build(EmailMessage email, string? messageId = null) => Build(email, messageId, null);

    /// <summary>
    /// Builds the message with bodies and repeated headers from <paramref name="list"/> when given: the same bytes,
    /// with the encoding of what one list's messages share done once.
    /// </summary>
    internal MimeMessage Build(EmailMessage email, string? messageId, ListEncoders? list)
    {
        ArgumentNullException.ThrowIfNull(email);
        // Started from an empty header list: the default constructor fills in a Message-ID, Date and Subject (a
        // random number, the host name and the local time zone) only to have them replaced; the headers still come
        // out in its order.
        var message = new MimeMessage(new HeaderList());
        // A fresh address per message: an InternetAddressList subscribes to its addresses' change events, so a
        // shared instance would keep every message ever built reachable (the email channel builds one per subscriber).
        message.From.Add(new MailboxAddress(_from.Name, _from.Address));
        Add(message, list, "Date", DateUtils.FormatDate(_timeProvider.GetUtcNow()));
        Add(message, list, "Subject", email.Subject);
        message.MessageId = messageId ?? _messageIds?.Next() ?? MimeUtils.GenerateMessageId(_from.Domain);
        message.To.Add(new MailboxAddress(email.ToName ?? "", email.To));
        Add(message, list, "Content-Language", email.Language);
        if (!string.IsNullOrEmpty(email.UnsubscribeUrl))
        {
            message.Headers.Add("List-Unsubscribe", $"<{email.UnsubscribeUrl}>");
            if (email.UnsubscribeUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                Add(message, list, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        }

        message.Body = list is null
            ? new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody()
            : new MultipartAlternative
            {
                // A spliced body goes in as its UTF-8: reading it as a string would build the string.
                email.SplicedText() is { } text ? list.Text.Create(text) : list.Text.Create(email.TextBody),
                email.SplicedHtml() is { } html ? list.Html.Create(html) : list.Html.Create(email.HtmlBody),
            };

        // Encoded for 7-bit transport here, once: every relay accepts it, and a DKIM signature added later stays
        // valid because the SMTP client has nothing left to re-encode.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    private static void Add(MimeMessage message, ListEncoders? list, string field, string value) =>
        message.Headers.Add(list is null ? new Header(field, value) : list.Headers.Get(field, value));

    /// <summary>The message exactly as it goes on the wire (CRLF line ends), for <c>bot preview</c> and the dry-run outbox.</summary>
    public static string Format(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
