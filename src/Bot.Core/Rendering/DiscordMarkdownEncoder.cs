using System.Text;
using System.Text.Encodings.Web;

namespace Bot.Core.Rendering;

/// <summary>
/// Escapes text for Discord message content and embed descriptions so it shows exactly as written: a backslash
/// before every character Discord's markdown gives a meaning to, and mentions broken up.
/// </summary>
/// <remarks>
/// Mentions are neutralised twice over, because <c>allowed_mentions</c> only stops the ping, not the blue pill,
/// and an edit sent without it re-parses with the defaults: a zero-width space (U+200B) goes after every <c>@</c>,
/// so neither the server nor the client sees <c>@everyone</c>, <c>@here</c>, <c>&lt;@123&gt;</c> or
/// <c>&lt;@&amp;123&gt;</c>; and <c>&lt;</c> is backslash-escaped, so <c>&lt;#123&gt;</c>, timestamps and custom
/// emoji show as typed. A full stop is escaped only after digits at the start of a line ("1." starts a list);
/// escaping every one would bloat Arabic and English prose against the 2000-character limit for nothing.
/// </remarks>
public sealed class DiscordMarkdownEncoder : TextEncoder
{
    public static readonly DiscordMarkdownEncoder Instance = new();

    /// <summary>Inserted after every <c>@</c>.</summary>
    public const char MentionBreaker = '\u200B';

    private const string Significant = "\\*_~`|<>#-[]()@";

    private DiscordMarkdownEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => 2;

    public override string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny(Significant + ".") < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 16);
        Append(sb, value.AsSpan());
        return sb.ToString();
    }

    public override void Encode(TextWriter output, string value, int startIndex, int characterCount)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(value);
        output.Write(Encode(value.Substring(startIndex, characterCount)));
    }

    public override void Encode(TextWriter output, char[] value, int startIndex, int characterCount) =>
        Encode(output, new string(value, startIndex, characterCount), 0, characterCount);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
        new ReadOnlySpan<char>(text, textLength).IndexOfAny(Significant + ".");

    // Only reached through the span-based TextEncoder APIs, which have no line context: there every full stop is escaped.
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        if (WillEncode(unicodeScalar))
        {
            numberOfCharactersWritten = 2;
            if (bufferLength < 2)
            {
                return false;
            }

            if (unicodeScalar == '@')
            {
                destination[0] = '@';
                destination[1] = MentionBreaker;
            }
            else
            {
                destination[0] = '\\';
                destination[1] = (char)unicodeScalar;
            }

            return true;
        }

        return new Rune(unicodeScalar).TryEncodeToUtf16(destination, out numberOfCharactersWritten);
    }

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 128 && (Significant.Contains((char)unicodeScalar) || unicodeScalar == '.');

    private static void Append(StringBuilder sb, ReadOnlySpan<char> value)
    {
        // True while everything since the start of the line (or of the value, which may sit at a line start) is digits.
        var lineDigitsOnly = true;
        var sawDigit = false;
        foreach (var c in value)
        {
            if (c == '@')
            {
                sb.Append('@').Append(MentionBreaker);
            }
            else if (Significant.Contains(c) || (c == '.' && lineDigitsOnly && sawDigit))
            {
                sb.Append('\\').Append(c);
            }
            else
            {
                sb.Append(c);
            }

            if (c == '\n')
            {
                lineDigitsOnly = true;
                sawDigit = false;
            }
            else if (char.IsAsciiDigit(c))
            {
                sawDigit = true;
            }
            else if (!(c == ' ' && !sawDigit))
            {
                lineDigitsOnly = false;
            }
        }
    }
}
