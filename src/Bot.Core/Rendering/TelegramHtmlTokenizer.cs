using System.Globalization;
using System.Text;

namespace Bot.Core.Rendering;

/// <summary>
/// Reads Telegram HTML (Bot API "Formatting options", HTML style) into tags and text, refusing what Telegram
/// refuses: unsupported tags, a bare <c>&lt;</c>, unclosed or mismatched tags.
/// </summary>
public static class TelegramHtmlTokenizer
{
    private static readonly HashSet<string> SupportedTags =
    [
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
        "code", "pre", "blockquote", "tg-emoji", "tg-time",
    ];

    public static IReadOnlyList<TelegramHtmlToken> Tokenize(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var tokens = new List<TelegramHtmlToken>();
        var open = new Stack<string>();

        // A text run is kept as one substring of the input unless it holds an entity or a stray '&' or '>';
        // only then are separate raw and decoded texts built.
        var runStart = -1;
        StringBuilder? raw = null;
        StringBuilder? text = null;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                FlushText(i);
                i = ReadTag(html, i, tokens, open);
                continue;
            }

            if (runStart < 0)
            {
                runStart = i;
            }

            if (c is '&' or '>')
            {
                if (raw is null)
                {
                    raw = new StringBuilder().Append(html, runStart, i - runStart);
                    text = new StringBuilder().Append(html, runStart, i - runStart);
                }

                var (decoded, length) = c == '&' ? DecodeEntity(html, i) : ("", 0);
                if (length == 0)
                {
                    raw.Append(c == '&' ? "&amp;" : "&gt;");
                    text!.Append(c);
                    i++;
                }
                else
                {
                    raw.Append(html, i, length);
                    text!.Append(decoded);
                    i += length;
                }

                continue;
            }

            var next = html.AsSpan(i).IndexOfAny("<&>");
            var end = next < 0 ? html.Length : i + next;
            raw?.Append(html, i, end - i);
            text?.Append(html, i, end - i);
            i = end;
        }

        FlushText(html.Length);
        if (open.Count > 0)
        {
            throw new TelegramHtmlException($"Can't find end tag corresponding to start tag \"{open.Peek()}\"", html.Length);
        }

        return tokens;

        void FlushText(int end)
        {
            if (runStart < 0)
            {
                return;
            }

            if (raw is null)
            {
                var run = html[runStart..end];
                tokens.Add(new TelegramHtmlToken(TelegramHtmlTokenKind.Text, run, run, null));
            }
            else
            {
                tokens.Add(new TelegramHtmlToken(TelegramHtmlTokenKind.Text, raw.ToString(), text!.ToString(), null));
            }

            runStart = -1;
            raw = null;
            text = null;
        }
    }

    /// <summary>
    /// The entity at <paramref name="start"/> as Telegram decodes it: the four named ones and numeric ones
    /// (decimal, or hexadecimal with a lower-case x) below U+10FFFF. Length 0 when it is not one: Telegram shows it literally.
    /// </summary>
    public static (string Decoded, int Length) DecodeEntity(string html, int start)
    {
        var end = html.IndexOf(';', start);
        if (end < 0 || end - start > 10)
        {
            return ("", 0);
        }

        var body = html.AsSpan(start + 1, end - start - 1);
        var length = end - start + 1;
        switch (body)
        {
            case "lt": return ("<", length);
            case "gt": return (">", length);
            case "amp": return ("&", length);
            case "quot": return ("\"", length);
        }

        if (body.Length >= 2 && body[0] == '#')
        {
            var hex = body[1] == 'x';
            var digits = hex ? body[2..] : body[1..];
            var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
            if (digits.Length > 0 && int.TryParse(digits, style, CultureInfo.InvariantCulture, out var value)
                && value < 0x10FFFF && Rune.IsValid(value) && value != 0)
            {
                return (char.ConvertFromUtf32(value), length);
            }
        }

        return ("", 0);
    }

    private static int ReadTag(string html, int start, List<TelegramHtmlToken> tokens, Stack<string> open)
    {
        var isEnd = start + 1 < html.Length && html[start + 1] == '/';
        var nameStart = start + (isEnd ? 2 : 1);
        var nameEnd = nameStart;
        while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
        {
            nameEnd++;
        }

        if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
        {
            throw new TelegramHtmlException(isEnd ? "Empty end tag" : "Unescaped '<': write &lt; for a literal '<'", start);
        }

        var close = FindTagEnd(html, nameEnd);
        if (close < 0)
        {
            throw new TelegramHtmlException("Unclosed start tag", start);
        }

        var name = html[nameStart..nameEnd].ToLowerInvariant();
        var rawTag = html[start..(close + 1)];
        if (isEnd)
        {
            if (open.Count == 0)
            {
                throw new TelegramHtmlException("Unexpected end tag", start);
            }

            if (open.Peek() != name)
            {
                throw new TelegramHtmlException($"Unmatched end tag, expected \"</{open.Peek()}>\", found \"</{name}>\"", start);
            }

            open.Pop();
            tokens.Add(new TelegramHtmlToken(TelegramHtmlTokenKind.EndTag, rawTag, "", name));
        }
        else
        {
            if (!SupportedTags.Contains(name))
            {
                throw new TelegramHtmlException($"Unsupported start tag \"{name}\"", start);
            }

            if (name == "span" && !rawTag.Contains("tg-spoiler", StringComparison.Ordinal))
            {
                throw new TelegramHtmlException("Tag \"span\" must have class \"tg-spoiler\"", start);
            }

            open.Push(name);
            tokens.Add(new TelegramHtmlToken(TelegramHtmlTokenKind.StartTag, rawTag, "", name));
        }

        return close + 1;
    }

    private static int FindTagEnd(string html, int from)
    {
        char? quote = null;
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
            else if (c == '<')
            {
                return -1;
            }
        }

        return -1;
    }
}
