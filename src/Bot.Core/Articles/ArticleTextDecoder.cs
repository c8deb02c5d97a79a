using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace Bot.Core.Articles;

/// <summary>Turns a file's bytes into text with LF line endings, or says why they are not text.</summary>
internal static class ArticleTextDecoder
{
    /// <summary>The C0 control bytes except tab, LF, FF and CR, which plain text legitimately contains.</summary>
    private static readonly SearchValues<byte> BinaryBytes = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0E, 0x0F,
         0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(ReadOnlySpan<byte> content, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? reason)
    {
        text = null;
        var bomLength = content.StartsWith("\uFEFF"u8) ? 3 : 0;
        var body = content[bomLength..];
        if (body.IsEmpty)
        {
            reason = "empty file";
            return false;
        }

        // C0 bytes never occur inside a multi-byte UTF-8 sequence, so a byte scan finds them exactly.
        var control = body.IndexOfAny(BinaryBytes);
        if (control >= 0)
        {
            var position = bomLength + control;
            reason = body[control] == 0
                ? $"binary content (NUL byte at {position})"
                : $"binary content (control byte 0x{body[control]:X2} at {position})";
            return false;
        }

        string decoded;
        try
        {
            decoded = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            reason = $"invalid UTF-8 at byte {bomLength + FirstInvalidByte(body)}";
            return false;
        }

        if (string.IsNullOrWhiteSpace(decoded))
        {
            reason = "empty file";
            return false;
        }

        text = NormaliseLineEndings(decoded);
        reason = null;
        return true;
    }

    public static string NormaliseLineEndings(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        // UTF-16 never needs more code units than UTF-8 has bytes.
        var buffer = new char[bytes.Length];
        Utf8.ToUtf16(bytes, buffer, out var bytesRead, out _, replaceInvalidSequences: false);
        return bytesRead;
    }
}
