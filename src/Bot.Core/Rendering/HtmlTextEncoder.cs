using System.Text;
using System.Text.Encodings.Web;

namespace Bot.Core.Rendering;

/// <summary>
/// Escapes text for HTML that is read by Telegram (HTML parse mode) or by mail clients: only the characters that
/// could start markup or end an attribute are replaced; every other character, Arabic included, is written as is.
/// </summary>
/// <remarks>
/// <see cref="HtmlEncoder.Default"/> turns every non-ASCII letter into a numeric entity, which makes Arabic
/// unreadable in the raw message and four times longer against Telegram's 32 KiB raw limit; WebUtility.HtmlEncode
/// does the same for Latin-1 letters. Telegram decodes only <c>&amp;lt; &amp;gt; &amp;amp; &amp;quot;</c> and numeric
/// entities, so the Telegram instance leaves the apostrophe alone.
/// </remarks>
public sealed class HtmlTextEncoder : TextEncoder
{
    /// <summary>For Telegram HTML: <c>&amp; &lt; &gt; "</c>.</summary>
    public static readonly HtmlTextEncoder Telegram = new(escapeApostrophe: false);

    /// <summary>For email HTML: <c>&amp; &lt; &gt; " '</c>.</summary>
    public static readonly HtmlTextEncoder Email = new(escapeApostrophe: true);

    private readonly bool _escapeApostrophe;

    private HtmlTextEncoder(bool escapeApostrophe) => _escapeApostrophe = escapeApostrophe;

    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var first = IndexOfSpecial(value.AsSpan());
        if (first < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 16);
        sb.Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            var replacement = Replacement(c);
            if (replacement is null)
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(replacement);
            }
        }

        return sb.ToString();
    }

    public override void Encode(TextWriter output, string value, int startIndex, int characterCount)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(value);
        var span = value.AsSpan(startIndex, characterCount);
        while (!span.IsEmpty)
        {
            var next = IndexOfSpecial(span);
            if (next < 0)
            {
                output.Write(span);
                return;
            }

            output.Write(span[..next]);
            output.Write(Replacement(span[next]));
            span = span[(next + 1)..];
        }
    }

    public override void Encode(TextWriter output, char[] value, int startIndex, int characterCount) =>
        Encode(output, new string(value, startIndex, characterCount), 0, characterCount);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
        IndexOfSpecial(new ReadOnlySpan<char>(text, textLength));

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        if (unicodeScalar < char.MaxValue && Replacement((char)unicodeScalar) is { } replacement)
        {
            numberOfCharactersWritten = replacement.Length;
            return replacement.AsSpan().TryCopyTo(destination);
        }

        return new Rune(unicodeScalar).TryEncodeToUtf16(destination, out numberOfCharactersWritten);
    }

    public override bool WillEncode(int unicodeScalar) => unicodeScalar < char.MaxValue && Replacement((char)unicodeScalar) is not null;

    private int IndexOfSpecial(ReadOnlySpan<char> text) =>
        _escapeApostrophe ? text.IndexOfAny("&<>\"'") : text.IndexOfAny("&<>\"");

    private string? Replacement(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' when _escapeApostrophe => "&#39;",
        _ => null,
    };
}
