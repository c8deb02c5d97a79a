using System.Globalization;
using System.Text;

namespace Bot.Core.Tests.Rendering;

/// <summary>
/// A deliberately strict reading of Telegram HTML, written apart from the production tokenizer: supported tags
/// only, proper nesting, no bare '&lt;', '&gt;' or '&amp;', only the four named entities and numeric ones.
/// </summary>
internal static class StrictTelegramHtml
{
    private static readonly HashSet<string> Tags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "span", "a", "code", "pre", "blockquote", "tg-emoji", "tg-time"];

    /// <summary>The text Telegram would show, or the reason it would refuse the markup.</summary>
    public static (string? Text, string? Error) Read(string html)
    {
        var text = new StringBuilder();
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                {
                    return (null, $"unclosed tag at {i}");
                }

                var inner = html[(i + 1)..end];
                var closing = inner.StartsWith('/');
                var name = new string(inner.TrimStart('/').TakeWhile(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-').ToArray()).ToLowerInvariant();
                if (!Tags.Contains(name))
                {
                    return (null, $"unsupported or bare tag '<{inner}>' at {i}");
                }

                if (closing)
                {
                    if (open.Count == 0 || open.Pop() != name)
                    {
                        return (null, $"misnested </{name}> at {i}");
                    }
                }
                else
                {
                    open.Push(name);
                }

                i = end + 1;
            }
            else if (c == '&')
            {
                var end = html.IndexOf(';', i);
                if (end < 0)
                {
                    return (null, $"bare & at {i}");
                }

                var entity = html[(i + 1)..end];
                string? decoded = entity switch
                {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    _ when entity.StartsWith("#x", StringComparison.Ordinal) && int.TryParse(entity[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h) => char.ConvertFromUtf32(h),
                    _ when entity.StartsWith('#') && int.TryParse(entity[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var d) => char.ConvertFromUtf32(d),
                    _ => null,
                };
                if (decoded is null)
                {
                    return (null, $"bare & or unknown entity '&{entity};' at {i}");
                }

                text.Append(decoded);
                i = end + 1;
            }
            else if (c == '>')
            {
                return (null, $"bare > at {i}");
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return open.Count > 0 ? (null, $"unclosed <{open.Peek()}>") : (text.ToString(), null);
    }
}
