using System.Buffers.Text;
using System.Text;
using Bot.Core.Channels;
using MimeKit;
using MimeKit.Utils;

namespace Bot.Channels.Email;

/// <summary>
/// Makes list mail as bytes: the message <see cref="EmailMimeBuilder"/> builds with a list's encoders, followed by
/// the composer's List-Id, written as MimeKit would write it, without a <see cref="MimeMessage"/>, its multipart and
/// its parts per subscriber. Header lines the list's messages share are encoded by MimeKit once and kept as bytes, and
/// the subscriber's To by MimeKit's address encoder; the Message-ID, the boundary, the List-Unsubscribe link and the
/// layout around them are written here as MimeKit writes them (<c>ListMailTests</c> compares the two). A message this
/// does not cover (a 7-bit body, an international address, a display name MimeKit would fold) is left to MimeKit, as is
/// every message that is DKIM-signed.
/// </summary>
internal sealed class ListMailBuilder
{
    private const string ToField = "To: ";
    private const string UnsubscribeField = "List-Unsubscribe: ";
    private const int MaxHeadLines = 13;

    /// <summary>Well inside SMTP's 998-character line: a longer link is left to MimeKit, whatever it does with it.</summary>
    private const int MaxPlainLink = 900;

    /// <summary>A boundary of the form MimeKit generates: its length and its quoting are all the header depends on.</summary>
    private static readonly string SampleBoundary = "=-" + Convert.ToBase64String(new byte[16]);

    private static readonly (byte[] MimeVersion, byte[] BeforeBoundary, byte[] AfterBoundary) MultipartHead = SplitMultipartHead();

    private readonly MailboxAddress from;
    private readonly bool asciiSender;
    private readonly byte[] fromLine;
    private readonly TimeProvider timeProvider;
    private readonly MessageIds messageIds;
    private DateLineOf date = new(long.MinValue, []);

    public ListMailBuilder(MailboxAddress from, TimeProvider timeProvider, MessageIds messageIds)
    {
        this.from = from;
        this.timeProvider = timeProvider;
        this.messageIds = messageIds;
        asciiSender = Ascii.IsValid(from.Address);
        using var sample = new MimeMessage(new HeaderList());
        sample.From.Add(new MailboxAddress(from.Name, from.Address));
        fromLine = HeaderPrototypes.LineOf(sample.Headers[sample.Headers.IndexOf(HeaderId.From)]);
    }

    /// <summary>The message for <paramref name="email"/> on the list, or null when MimeKit has to build it.</summary>
    public ListMail? Build(EmailMessage email, ListEncoders list, string? listId)
    {
        if (!asciiSender || !Ascii.IsValid(email.To))
        {
            return null;
        }

        var recipient = new MailboxAddress(email.ToName ?? "", email.To);
        if (ToLine(recipient) is not { } toLine
            || (email.SplicedText() is { } splicedText ? list.Text.Encode(splicedText) : list.Text.Encode(email.TextBody)) is not { } text
            || (email.SplicedHtml() is { } splicedHtml ? list.Html.Encode(splicedHtml) : list.Html.Encode(email.HtmlBody)) is not { } html)
        {
            return null;
        }

        var messageId = messageIds.Next();
        var boundary = NewBoundary();
        var head = new byte[MaxHeadLines][];
        var count = 0;
        head[count++] = fromLine;
        head[count++] = DateLine();
        head[count++] = list.Headers.Line("Subject", email.Subject);
        head[count++] = Encoding.ASCII.GetBytes($"Message-Id: <{messageId}>\r\n");
        head[count++] = toLine;
        head[count++] = list.Headers.Line("Content-Language", email.Language);
        if (!string.IsNullOrEmpty(email.UnsubscribeUrl))
        {
            head[count++] = UnsubscribeLine(email.UnsubscribeUrl);
            if (email.UnsubscribeUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                head[count++] = list.Headers.Line("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        }

        head[count++] = MultipartHead.MimeVersion;
        if (listId is not null)
        {
            head[count++] = list.Headers.Line("List-Id", listId);
        }

        head[count++] = MultipartHead.BeforeBoundary;
        head[count++] = Encoding.ASCII.GetBytes(boundary);
        head[count++] = MultipartHead.AfterBoundary;
        return new ListMail(
            messageId,
            new SmtpEnvelope(from, recipient),
            head.AsMemory(0, count),
            boundary,
            new ListMail.Part(list.Text.Headers(text.Encoding), text),
            new ListMail.Part(list.Html.Headers(html.Encoding), html));
    }

    /// <summary>
    /// The To line as MimeKit writes it when the address fits on the line's first row. MimeKit folds the address list
    /// from the column after <c>To: </c>; its string form is that encoding folded from column 0, so the two agree
    /// whenever the string fits without folding from where the header puts it. Otherwise null.
    /// </summary>
    private static byte[]? ToLine(MailboxAddress recipient)
    {
        var encoded = new InternetAddressList([recipient]).ToString(FormatOptions.Default, encode: true);
        return ToField.Length + encoded.Length > FormatOptions.Default.MaxLineLength || encoded.Contains('\n', StringComparison.Ordinal)
            ? null
            : Encoding.ASCII.GetBytes(ToField + encoded + "\r\n");
    }

    /// <summary>The Date line for now: the same for every message sent within a second.</summary>
    private byte[] DateLine()
    {
        var now = timeProvider.GetUtcNow();
        var second = now.ToUnixTimeSeconds();
        var known = Volatile.Read(ref date);
        if (known.Second != second)
        {
            known = new DateLineOf(second, HeaderPrototypes.LineOf(new Header("Date", DateUtils.FormatDate(now))));
            Volatile.Write(ref date, known);
        }

        return known.Line;
    }

    /// <summary>
    /// The List-Unsubscribe line. MimeKit leaves a link of printable ASCII without spaces whole: on the header's line
    /// when the line stays under 78 characters, else alone on the next. Anything else, and a link part of which looks
    /// like an RFC 2047 encoded word, it encodes and folds. <c>ListMailTests</c> holds MimeKit to this.
    /// </summary>
    private static byte[] UnsubscribeLine(string url)
    {
        if (url.Length > MaxPlainLink || url.AsSpan().ContainsAnyExceptInRange('!', '~') || url.Contains("=?", StringComparison.Ordinal))
        {
            return HeaderPrototypes.LineOf(new Header("List-Unsubscribe", $"<{url}>"));
        }

        var fits = UnsubscribeField.Length + url.Length + 2 < FormatOptions.Default.MaxLineLength;
        return Encoding.ASCII.GetBytes(fits ? $"{UnsubscribeField}<{url}>\r\n" : $"List-Unsubscribe:\r\n <{url}>\r\n");
    }

    /// <summary>A boundary as MimeKit's <see cref="Multipart"/> generates one: <c>=-</c> and 16 random bytes in base64.</summary>
    private static string NewBoundary()
    {
        Span<byte> random = stackalloc byte[16];
        RandomBytes.Fill(random);
        Span<byte> encoded = stackalloc byte[24];
        Base64.EncodeToUtf8(random, encoded, out _, out var length);
        return "=-" + Encoding.ASCII.GetString(encoded[..length]);
    }

    /// <summary>
    /// MIME-Version and the multipart's Content-Type, as MimeKit writes them for a message whose body is a
    /// multipart/alternative, split around the boundary; the empty line that ends the headers comes after it.
    /// </summary>
    private static (byte[], byte[], byte[]) SplitMultipartHead()
    {
        using var sample = new MimeMessage(new HeaderList()) { Body = new MultipartAlternative { Boundary = SampleBoundary } };
        sample.Prepare(EncodingConstraint.SevenBit);
        using var written = new MemoryStream();
        sample.WriteTo(SmtpWireWriter.Format, written, headersOnly: true);
        var head = written.ToArray().AsSpan();
        var firstLine = head.IndexOf("\r\n"u8) + 2;
        var boundary = head.IndexOf(Encoding.ASCII.GetBytes(SampleBoundary));
        if (!head.StartsWith("MIME-Version:"u8) || boundary < firstLine)
        {
            throw new InvalidOperationException($"MimeKit wrote a multipart message's headers in an unexpected form: {Encoding.ASCII.GetString(head)}");
        }

        return (head[..firstLine].ToArray(), head[firstLine..boundary].ToArray(), head[(boundary + SampleBoundary.Length)..].ToArray());
    }

    private sealed record DateLineOf(long Second, byte[] Line);
}
