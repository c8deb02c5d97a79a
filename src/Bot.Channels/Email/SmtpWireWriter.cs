using System.Buffers;
using System.Text;
using MimeKit;
using MimeKit.IO;

namespace Bot.Channels.Email;

/// <summary>
/// Writes a message as SMTP DATA (CRLF line ends, leading dots doubled), byte for byte what MimeKit's
/// <c>WriteTo</c> through MailKit's <c>SmtpDataFilter</c> writes. The email channel's own shape (headers, then a
/// multipart of encoded text parts) is written here: headers by MimeKit, boundaries directly, and each part's content
/// converted in one pass, the part a list's messages share (<see cref="SharedPrefixContent"/>) copied as converted
/// once. Writing every message's whole body through MimeKit's and MailKit's byte-at-a-time filters was the largest
/// single cost of sending list mail. Any other shape goes through MimeKit's writer as before.
/// </summary>
internal static class SmtpWireWriter
{
    public static readonly FormatOptions Format = CreateFormat();

    public static readonly byte[] NewLine = "\r\n"u8.ToArray();

    /// <summary>Appends the message to <paramref name="output"/>, without the final dot.</summary>
    /// <param name="scratch">Where headers are written before they are converted; reused, so a session's messages do not each grow a buffer.</param>
    public static void Write(MimeMessage message, MemoryStream output, MemoryStream scratch)
    {
        if (message.Body is Multipart { Preamble: null, Epilogue: null } multipart && multipart.All(Fits))
        {
            WriteMultipart(message, multipart, output, scratch);
            return;
        }

        using var filtered = new FilteredStream(output);
        filtered.Add(new MailKit.Net.Smtp.SmtpDataFilter(false));
        message.WriteTo(Format, filtered);
        filtered.Flush();
    }

    /// <summary>A part whose content MimeKit writes only with its line ends converted.</summary>
    private static bool Fits(MimeEntity entity) =>
        entity is MimePart { Content: { } content } part
        && content.Stream is { CanSeek: true }
        && (content.Encoding == part.ContentTransferEncoding
            ? content.Encoding is not (ContentEncoding.Binary or ContentEncoding.UUEncode)
            : content.Encoding == ContentEncoding.Default && part.ContentTransferEncoding is ContentEncoding.SevenBit or ContentEncoding.EightBit);

    private static void WriteMultipart(MimeMessage message, Multipart multipart, MemoryStream output, MemoryStream scratch)
    {
        var previous = (byte)'\n';
        scratch.SetLength(0);
        message.WriteTo(Format, scratch, headersOnly: true);
        SmtpWireText.Append(output, scratch.GetBuffer().AsSpan(0, (int)scratch.Length), ref previous);

        var delimiter = Delimiter(multipart.Boundary!);
        foreach (var part in multipart.Cast<MimePart>())
        {
            SmtpWireText.Append(output, delimiter, ref previous);
            scratch.SetLength(0);
            part.Headers.WriteTo(Format, scratch);
            SmtpWireText.Append(output, scratch.GetBuffer().AsSpan(0, (int)scratch.Length), ref previous);
            WriteContent(part.Content!.Stream!, output, ref previous);
            SmtpWireText.Append(output, NewLine, ref previous);
        }

        SmtpWireText.Append(output, CloseDelimiter(multipart.Boundary!), ref previous);
    }

    /// <summary>The line that opens each part of a multipart body.</summary>
    public static byte[] Delimiter(string boundary) => Encoding.ASCII.GetBytes("--" + boundary + "\r\n");

    /// <summary>The line that ends a multipart body.</summary>
    public static byte[] CloseDelimiter(string boundary) => Encoding.ASCII.GetBytes("--" + boundary + "--\r\n");

    /// <summary>Appends a part's encoded content, the bytes it shares with its list copied as converted once.</summary>
    public static void WriteContent(EncodedPrefix? shared, byte[] own, MemoryStream output, ref byte previous)
    {
        if (shared is { } prefix)
        {
            output.Write(prefix.Wire);
            if (prefix.Encoded.Length > 0)
            {
                previous = prefix.Encoded[^1];
            }
        }

        SmtpWireText.Append(output, own, ref previous);
    }

    private static void WriteContent(Stream content, MemoryStream output, ref byte previous)
    {
        if (content is SharedPrefixContent shared)
        {
            WriteContent(shared.Prefix, shared.Own, output, ref previous);
            return;
        }

        var length = (int)content.Length;
        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            content.Position = 0;
            content.ReadExactly(bytes, 0, length);
            SmtpWireText.Append(output, bytes.AsSpan(0, length), ref previous);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.EnsureNewLine = true;
        format.HiddenHeaders.Add(HeaderId.Bcc);
        format.HiddenHeaders.Add(HeaderId.ResentBcc);
        format.HiddenHeaders.Add(HeaderId.ContentLength);
        return format;
    }
}
