using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace Bot.Core.Articles;

/// <summary>Turns a file's bytes into text with LF line endings, or says why they are not text.</summary>
internal static class ArticleTextDecoder
{
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
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not (byte)'\f')
            {
                var position = bomLength + i;
                reason = b == 0
                    ? $"binary content (NUL byte at {position})"
                    : $"binary content (control byte 0x{b:X2} at {position})";
                return false;
            }
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
