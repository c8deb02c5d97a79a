using System.Text;
using MimeKit;
using MimeKit.Encodings;

namespace Bot.Channels.Email;

/// <summary>
/// Builds the text/plain or text/html part of list mail with its content already transfer-encoded, byte for byte
/// what <see cref="BodyBuilder"/> followed by <c>Prepare(EncodingConstraint.SevenBit)</c> writes. The lines a message
/// shares with the list's previous message (the whole article, in practice: only the footer names the subscriber)
/// are scanned and encoded once and reused; per message only the rest is. Thread-safe.
/// </summary>
/// <remarks>
/// Encoding the Arabic bodies to base64 was most of the cost of an email. What is shared is found by comparing
/// bytes, not by placeholders in the templates, so a template may personalise anything anywhere and still be
/// rendered in full per subscriber; it only shares less. Base64 output is shared in whole lines of 57 input bytes,
/// quoted-printable and the encoding choice in whole input lines: at those boundaries MimeKit's encoders and its
/// encoding statistics carry no state, so the shared bytes plus the subscriber's bytes equal a single pass.
/// </remarks>
internal sealed class TextPartEncoder(string subtype)
{
    /// <summary>MimeKit's line length for <c>Prepare</c>: base64 lines of 76 characters, from 57 input bytes.</summary>
    public const int MaxLineLength = 78;

    private const int Base64LineInput = MaxLineLength / 4 * 3;

    /// <summary>Learning a longer shared prefix costs one encode; it is only worth it for a real gain.</summary>
    private const int RelearnGain = 1024;

    private Shared? shared;

    public TextPart Create(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var known = Volatile.Read(ref shared);
        var common = known is null ? 0 : bytes.AsSpan().CommonPrefixLength(known.Text);
        if (known is null || common < known.LineSplit || common - known.LineSplit >= RelearnGain)
        {
            known = Learn(bytes, common);
            Volatile.Write(ref shared, known);
        }

        var encoding = known.LineScan.Add(TextScan.Of(bytes.AsSpan(known.LineSplit))).BestSevenBitEncoding(MaxLineLength);
        if (encoding is not (ContentEncoding.Base64 or ContentEncoding.QuotedPrintable))
        {
            // 7-bit text goes out as it is; MimeKit's own path is as fast and leaves the header exactly as before.
            return new TextPart(subtype) { Text = text };
        }

        var encoded = encoding == known.Encoding
            ? Concat(known.EncodedPrefix, Encode(encoding, bytes.AsSpan(known.EncodedSplit)))
            : Encode(encoding, bytes);
        var part = new TextPart(subtype);
        part.ContentType.CharsetEncoding = Encoding.UTF8;
        part.Content = new MimeContent(new MemoryStream(encoded, writable: false), encoding);
        part.ContentTransferEncoding = encoding;
        return part;
    }

    /// <summary>Takes this message as the reference: what it shares with the last one is encoded now, once.</summary>
    private static Shared Learn(byte[] bytes, int common)
    {
        var lineSplit = bytes.AsSpan(0, common).LastIndexOf((byte)'\n') + 1;
        var lineScan = TextScan.Of(bytes.AsSpan(0, lineSplit));
        var encoding = lineScan.Add(TextScan.Of(bytes.AsSpan(lineSplit))).BestSevenBitEncoding(MaxLineLength);
        var encodedSplit = encoding == ContentEncoding.Base64 ? lineSplit - lineSplit % Base64LineInput : lineSplit;
        var prefix = encoding is ContentEncoding.Base64 or ContentEncoding.QuotedPrintable
            ? Encode(encoding, bytes.AsSpan(0, encodedSplit))
            : [];
        return new Shared(bytes, lineSplit, lineScan, encoding, encodedSplit, prefix);
    }

    private static byte[] Encode(ContentEncoding encoding, ReadOnlySpan<byte> input)
    {
        IMimeEncoder encoder = encoding == ContentEncoding.Base64
            ? new Base64Encoder(MaxLineLength)
            : new QuotedPrintableEncoder(MaxLineLength);
        var source = input.ToArray();
        var output = new byte[encoder.EstimateOutputLength(source.Length)];
        var length = encoder.Flush(source, 0, source.Length, output);
        return output.AsSpan(0, length).ToArray();
    }

    private static byte[] Concat(byte[] first, byte[] second)
    {
        var result = new byte[first.Length + second.Length];
        first.CopyTo(result, 0);
        second.CopyTo(result, first.Length);
        return result;
    }

    /// <param name="Text">The reference message's bytes.</param>
    /// <param name="LineSplit">Where its shared whole lines end; <paramref name="LineScan"/> covers them.</param>
    /// <param name="Encoding">The reference message's transfer encoding, which <paramref name="EncodedPrefix"/> uses.</param>
    /// <param name="EncodedSplit">The input bytes <paramref name="EncodedPrefix"/> encodes.</param>
    private sealed record Shared(byte[] Text, int LineSplit, TextScan LineScan, ContentEncoding Encoding, int EncodedSplit, byte[] EncodedPrefix);
}
