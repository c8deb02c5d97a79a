using System.Text;

namespace Bot.IntegrationTests.Fakes.TelegramBotApi;

/// <summary>
/// Parses Telegram's HTML parse mode the way tdlib's <c>parse_html</c> does: the same supported tags, the same
/// entity decoding (only &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric references, the semicolon optional),
/// the same error texts with UTF-8 byte offsets into the raw text. Then it trims and cleans the text like
/// <c>fix_formatted_text</c>, so <see cref="TelegramHtmlParseResult.Text"/> is what a subscriber sees.
/// </summary>
public static class TelegramHtmlValidator
{
    private static readonly HashSet<string> SupportedTags =
    [
        "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "tg-spoiler", "tg-emoji", "tg-time",
        "span", "pre", "code", "blockquote",
    ];

    public static TelegramHtmlParseResult Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = new Parser(Encoding.UTF8.GetBytes(html));
        var error = parser.Run();
        if (error is not null)
        {
            return new TelegramHtmlParseResult(string.Empty, [], error);
        }

        return Clean(Encoding.UTF8.GetString(parser.Result.ToArray()), parser.Entities);
    }

    /// <summary>Plain text (no parse mode): only the clean-up applies.</summary>
    public static TelegramHtmlParseResult Plain(string text) => Clean(text ?? string.Empty, []);

    // tdlib drops '\r', turns other control characters into spaces and trims spaces and newlines at both ends.
    private static TelegramHtmlParseResult Clean(string text, List<TelegramHtmlEntity> entities)
    {
        var builder = new StringBuilder(text.Length);
        var map = new int[text.Length + 1];
        for (var i = 0; i < text.Length; i++)
        {
            map[i] = builder.Length;
            var c = text[i];
            if (c == '\r')
            {
                continue;
            }

            builder.Append(c < ' ' && c != '\n' ? ' ' : c);
        }

        map[text.Length] = builder.Length;
        var cleaned = builder.ToString();
        var start = 0;
        while (start < cleaned.Length && cleaned[start] is ' ' or '\n')
        {
            start++;
        }

        var end = cleaned.Length;
        while (end > start && cleaned[end - 1] is ' ' or '\n')
        {
            end--;
        }

        var fixedEntities = new List<TelegramHtmlEntity>();
        foreach (var entity in entities)
        {
            var from = Math.Clamp(map[entity.Offset] - start, 0, end - start);
            var to = Math.Clamp(map[entity.Offset + entity.Length] - start, 0, end - start);
            if (to > from)
            {
                fixedEntities.Add(entity with { Offset = from, Length = to - from });
            }
        }

        fixedEntities.Sort((x, y) => x.Offset != y.Offset ? x.Offset.CompareTo(y.Offset) : y.Length.CompareTo(x.Length));
        return new TelegramHtmlParseResult(cleaned[start..end], fixedEntities, null);
    }

    private sealed class Parser(byte[] text)
    {
        private readonly List<(string Tag, string Argument, int Offset)> open = [];
        private int utf16;

        public List<byte> Result { get; } = new(text.Length);

        public List<TelegramHtmlEntity> Entities { get; } = [];

        public string? Run()
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '&')
                {
                    var position = i;
                    var code = DecodeEntity(ref position);
                    if (code != 0)
                    {
                        if (code is >= 0xD800 and <= 0xDFFF)
                        {
                            return "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units";
                        }

                        i = position - 1;
                        utf16 += code > 0xFFFF ? 2 : 1;
                        AppendUtf8(Result, code);
                        continue;
                    }
                }

                if (c != '<')
                {
                    if ((c & 0xC0) != 0x80)
                    {
                        utf16 += c >= 0xF0 ? 2 : 1;
                    }

                    Result.Add(c);
                    continue;
                }

                var error = At(i + 1) == '/' ? EndTag(ref i) : StartTag(ref i);
                if (error is not null)
                {
                    return error;
                }
            }

            return open.Count > 0 ? $"Can't find end tag corresponding to start tag \"{open[^1].Tag}\"" : null;
        }

        private string? StartTag(ref int i)
        {
            var begin = i++;
            while (!IsSpace(At(i)) && At(i) != '>')
            {
                i++;
            }

            if (At(i) == 0)
            {
                return $"Unclosed start tag at byte offset {begin}";
            }

            var tag = Ascii(begin + 1, i).ToLowerInvariant();
            if (!SupportedTags.Contains(tag))
            {
                return $"Unsupported start tag \"{tag}\" at byte offset {begin}";
            }

            var argument = string.Empty;
            while (At(i) != '>')
            {
                while (At(i) != 0 && IsSpace(At(i)))
                {
                    i++;
                }

                if (At(i) == '>')
                {
                    break;
                }

                var nameBegin = i;
                while (!IsSpace(At(i)) && At(i) != '=' && At(i) != '>')
                {
                    i++;
                }

                var name = Ascii(nameBegin, i);
                if (name.Length == 0)
                {
                    return $"Empty attribute name in the tag \"{tag}\" at byte offset {begin}";
                }

                while (At(i) != 0 && IsSpace(At(i)))
                {
                    i++;
                }

                if (At(i) != '=')
                {
                    if (tag == "blockquote" && name == "expandable")
                    {
                        continue;
                    }

                    return At(i) == 0
                        ? $"Unclosed start tag at byte offset {begin}"
                        : $"Expected equal sign in declaration of an attribute of the tag \"{tag}\" at byte offset {begin}";
                }

                i++;
                while (At(i) != 0 && IsSpace(At(i)))
                {
                    i++;
                }

                if (At(i) == 0)
                {
                    return $"Unclosed start tag \"{tag}\" at byte offset {begin}";
                }

                string value;
                if (At(i) != '\'' && At(i) != '"')
                {
                    var tokenBegin = i;
                    while (char.IsAsciiLetterOrDigit((char)At(i)) || At(i) == '.' || At(i) == '-')
                    {
                        i++;
                    }

                    value = Ascii(tokenBegin, i).ToLowerInvariant();
                    if (!IsSpace(At(i)) && At(i) != '>')
                    {
                        return $"Unexpected end of name token at byte offset {tokenBegin}";
                    }
                }
                else
                {
                    var quote = At(i++);
                    var bytes = new List<byte>();
                    while (At(i) != quote && At(i) != 0)
                    {
                        if (At(i) == '&')
                        {
                            var position = i;
                            var code = DecodeEntity(ref position);
                            if (code != 0)
                            {
                                AppendUtf8(bytes, code);
                                i = position;
                                continue;
                            }
                        }

                        bytes.Add(At(i++));
                    }

                    if (At(i) == quote)
                    {
                        i++;
                    }

                    value = Encoding.UTF8.GetString(bytes.ToArray());
                }

                if (At(i) == 0)
                {
                    return $"Unclosed start tag at byte offset {begin}";
                }

                argument = (tag, name) switch
                {
                    ("a", "href") => value,
                    ("code", "class") when value.StartsWith("language-", StringComparison.Ordinal) => value[9..],
                    ("span", "class") when value.StartsWith("tg-", StringComparison.Ordinal) => value[3..],
                    ("tg-emoji", "emoji-id") => value,
                    ("tg-time", "unix") => value,
                    _ => argument,
                };
            }

            if (tag == "span" && argument != "spoiler")
            {
                return $"Tag \"span\" must have class \"tg-spoiler\" at byte offset {begin}";
            }

            open.Add((tag, argument, utf16));
            return null;
        }

        private string? EndTag(ref int i)
        {
            var begin = i++;
            if (open.Count == 0)
            {
                return $"Unexpected end tag at byte offset {begin}";
            }

            while (!IsSpace(At(i)) && At(i) != '>')
            {
                i++;
            }

            var name = Ascii(begin + 2, i).ToLowerInvariant();
            while (At(i) != 0 && IsSpace(At(i)))
            {
                i++;
            }

            if (At(i) != '>')
            {
                return $"Unclosed end tag at byte offset {begin}";
            }

            var (tag, argument, offset) = open[^1];
            if (name.Length > 0 && name != tag)
            {
                return $"Unmatched end tag at byte offset {begin}, expected \"</{tag}>\", found \"</{name}>\"";
            }

            open.RemoveAt(open.Count - 1);
            if (utf16 > offset)
            {
                var type = tag switch
                {
                    "b" or "strong" => "bold",
                    "i" or "em" => "italic",
                    "u" or "ins" => "underline",
                    "s" or "strike" or "del" => "strikethrough",
                    "tg-spoiler" or "span" => "spoiler",
                    "a" => "text_link",
                    "code" => "code",
                    "pre" => "pre",
                    "blockquote" => "blockquote",
                    "tg-emoji" => "custom_emoji",
                    _ => "date_time",
                };
                if (type == "custom_emoji" && (!long.TryParse(argument, out var emoji) || emoji == 0))
                {
                    return "Invalid custom emoji identifier specified";
                }

                // An invalid link is dropped silently, never an error.
                if (type != "text_link" || Uri.TryCreate(argument, UriKind.Absolute, out _))
                {
                    Entities.Add(new TelegramHtmlEntity(type, offset, utf16 - offset, argument.Length > 0 ? argument : null));
                }
            }

            return null;
        }

        private uint DecodeEntity(ref int position)
        {
            var end = position + 1;
            uint code = 0;
            if (At(position + 1) == '#')
            {
                end++;
                if (At(position + 2) == 'x')
                {
                    end++;
                    while (char.IsAsciiHexDigit((char)At(end)))
                    {
                        code = unchecked((code * 16) + (uint)Convert.ToInt32(((char)At(end++)).ToString(), 16));
                    }
                }
                else
                {
                    while (char.IsAsciiDigit((char)At(end)))
                    {
                        code = unchecked((code * 10) + (uint)(At(end++) - '0'));
                    }
                }

                if (code == 0 || code >= 0x10FFFF || end - position >= 10)
                {
                    return 0;
                }
            }
            else
            {
                while (char.IsAsciiLetter((char)At(end)))
                {
                    end++;
                }

                code = Ascii(position + 1, end) switch
                {
                    "lt" => '<',
                    "gt" => '>',
                    "amp" => '&',
                    "quot" => '"',
                    _ => 0,
                };
                if (code == 0)
                {
                    return 0;
                }
            }

            position = At(end) == ';' ? end + 1 : end;
            return code;
        }

        private byte At(int i) => i < text.Length ? text[i] : (byte)0;

        private string Ascii(int from, int to) => Encoding.UTF8.GetString(text, from, Math.Max(0, Math.Min(to, text.Length) - from));

        private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0 or 0x0B or 0x0C;

        private static void AppendUtf8(List<byte> output, uint code)
        {
            Span<byte> buffer = stackalloc byte[4];
            var written = new Rune((int)code).EncodeToUtf8(buffer);
            for (var k = 0; k < written; k++)
            {
                output.Add(buffer[k]);
            }
        }
    }
}
