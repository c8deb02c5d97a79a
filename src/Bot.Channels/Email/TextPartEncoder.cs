using System.Buffers;
using System.Text;
using Bot.Core.Channels;
using MimeKit;
using MimeKit.Encodings;

namespace Bot.Channels.Email;

/// <summary>
/// Builds the text/plain or text/html part of list mail with its content already transfer-encoded, byte for byte
/// what <see cref="BodyBuilder"/> followed by <c>Prepare(EncodingConstraint.SevenBit)</c> writes. The bytes a message
/// shares with the list's previous message (the whole article, in practice: only the footer names the subscriber)
/// are encoded once and reused; per message only the rest is. <see cref="Encode(string)"/> gives the encoded bytes
/// alone, for list mail written as bytes (<see cref="ListMail"/>). Thread-safe.
/// </summary>
/// <remarks>
/// Building the bodies (UTF-8, MimeKit's scan for the best encoding, base64 for Arabic) was most of the cost of
/// composing an email. What is shared is found by comparing bytes, not by placeholders in the templates, so a
/// template may personalise anything anywhere and still be rendered in full per subscriber; it only shares less.
/// Base64 output is shared in whole lines of 57 input bytes, quoted-printable output in whole input lines, and the
/// statistics that choose the encoding in whole input lines: at those boundaries MimeKit's encoders and statistics
/// carry no state, so shared bytes plus the subscriber's bytes equal a single pass.
/// </remarks>
internal sealed class TextPartEncoder(string subtype)
{
    /// <summary>MimeKit's line length for <c>Prepare</c>: base64 lines of 76 characters, from 57 input bytes.</summary>
    public const int MaxLineLength = 78;

    private const int Base64LineInput = MaxLineLength / 4 * 3;

    /// <summary>Learning a longer shared prefix costs one encode; it is only worth it for a real gain.</summary>
    private const int RelearnGain = 1024;

    private Shared? shared;
    private byte[]? base64Headers;
    private byte[]? quotedPrintableHeaders;

    public TextPart Create(string text) => Encode(text) is { } encoded ? Part(encoded) : new TextPart(subtype) { Text = text };

    /// <summary>The part for a body spliced for its subscriber, from its UTF-8 without building it as a string.</summary>
    public TextPart Create(SplicedBody body) => Encode(body) is { } encoded ? Part(encoded) : new TextPart(subtype) { Text = body.ToString() };

    /// <summary>The body's content transfer-encoded, or null when it goes out as 7-bit text, as it is.</summary>
    public EncodedText? Encode(string text) =>
        Encode(Encoding.UTF8.GetByteCount(text), text, static (text, bytes) => Encoding.UTF8.GetBytes(text, bytes));

    /// <inheritdoc cref="Encode(string)"/>
    public EncodedText? Encode(SplicedBody body) =>
        Encode(body.Utf8Length, body, static (body, bytes) => body.CopyUtf8To(bytes));

    /// <summary>The part's headers as SMTP DATA, the line that ends them included, for content in <paramref name="encoding"/>.</summary>
    public byte[] Headers(ContentEncoding encoding) =>
        encoding == ContentEncoding.Base64
            ? base64Headers ??= HeadersOf(ContentEncoding.Base64)
            : quotedPrintableHeaders ??= HeadersOf(ContentEncoding.QuotedPrintable);

    private TextPart Part(EncodedText encoded)
    {
        // The shared bytes are read in place, not copied: a message's content is the shared prefix chained to its own.
        Stream content = encoded.Prefix is { } prefix
            ? new SharedPrefixContent(prefix, encoded.Own)
            : new MemoryStream(encoded.Own, writable: false);
        var part = new TextPart(subtype);
        part.ContentType.CharsetEncoding = Encoding.UTF8;
        part.Content = new MimeContent(content, encoded.Encoding);
        part.ContentTransferEncoding = encoded.Encoding;
        return part;
    }

    private byte[] HeadersOf(ContentEncoding encoding)
    {
        using var part = Part(new EncodedText(encoding, null, []));
        using var headers = new MemoryStream();
        part.Headers.WriteTo(SmtpWireWriter.Format, headers);
        return SmtpWireText.Of(headers.GetBuffer().AsSpan(0, (int)headers.Length));
    }

    private EncodedText? Encode<TBody>(int length, TBody body, Action<TBody, byte[]> writeUtf8)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            writeUtf8(body, bytes);
            var input = bytes.AsSpan(0, length);
            var known = Volatile.Read(ref shared);
            var common = known is null ? 0 : input.CommonPrefixLength(known.Text);
            if (known is null || common < known.Reach || common - known.Reach >= RelearnGain)
            {
                known = Learn(input, common);
                Volatile.Write(ref shared, known);
            }

            var encoding = known.LineScan.Add(TextScan.Of(input[known.LineSplit..])).BestSevenBitEncoding(MaxLineLength);
            if (encoding is not (ContentEncoding.Base64 or ContentEncoding.QuotedPrintable))
            {
                // 7-bit text goes out as it is; MimeKit's own path is as fast and leaves the headers exactly as before.
                return null;
            }

            return encoding == known.Encoding
                ? new EncodedText(encoding, known.EncodedPrefix, Encode(encoding, bytes, known.EncodedSplit, length - known.EncodedSplit))
                : new EncodedText(encoding, null, Encode(encoding, bytes, 0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Takes this message as the reference: what it shares with the last one is encoded now, once.</summary>
    private static Shared Learn(ReadOnlySpan<byte> input, int common)
    {
        var text = input.ToArray();
        var lineSplit = input[..common].LastIndexOf((byte)'\n') + 1;
        var lineScan = TextScan.Of(input[..lineSplit]);
        var encoding = lineScan.Add(TextScan.Of(input[lineSplit..])).BestSevenBitEncoding(MaxLineLength);
        var encodedSplit = encoding == ContentEncoding.Base64 ? common - common % Base64LineInput : lineSplit;
        var prefix = encoding is ContentEncoding.Base64 or ContentEncoding.QuotedPrintable
            ? Encode(encoding, text, 0, encodedSplit)
            : [];
        return new Shared(text, lineSplit, lineScan, encoding, encodedSplit, new EncodedPrefix(prefix));
    }

    /// <summary>The given input bytes encoded, the encoder flushed.</summary>
    private static byte[] Encode(ContentEncoding encoding, byte[] input, int start, int count)
    {
        IMimeEncoder encoder = encoding == ContentEncoding.Base64
            ? new Base64Encoder(MaxLineLength)
            : new QuotedPrintableEncoder(MaxLineLength);
        var output = ArrayPool<byte>.Shared.Rent(encoder.EstimateOutputLength(count));
        try
        {
            return output.AsSpan(0, encoder.Flush(input, start, count, output)).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    /// <param name="Text">The reference message's bytes.</param>
    /// <param name="LineSplit">Where its shared whole lines end; <paramref name="LineScan"/> covers them.</param>
    /// <param name="Encoding">The reference message's transfer encoding, which <paramref name="EncodedPrefix"/> uses.</param>
    /// <param name="EncodedSplit">How many input bytes <paramref name="EncodedPrefix"/> encodes.</param>
    private sealed record Shared(byte[] Text, int LineSplit, TextScan LineScan, ContentEncoding Encoding, int EncodedSplit, EncodedPrefix EncodedPrefix)
    {
        /// <summary>How long a common prefix must be for everything cached here to hold for another message.</summary>
        public int Reach { get; } = Math.Max(LineSplit, EncodedSplit);
    }
}
