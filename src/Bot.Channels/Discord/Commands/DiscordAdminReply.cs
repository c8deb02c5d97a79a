using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Core.Channels;
using Bot.Core.Rendering;

namespace Bot.Channels.Discord.Commands;

/// <summary>
/// Turns the admin commands' Telegram HTML replies into Discord Markdown: <c>b</c>/<c>strong</c> → <c>**</c>,
/// <c>i</c>/<c>em</c> → <c>*</c>, <c>code</c> → <c>`…`</c>, <c>pre</c> → a fenced block, <c>a href</c> → a masked
/// link, <c>br</c> → a new line; any other tag is dropped and its text kept. Text between tags is HTML-decoded and then
/// escaped with <see cref="DiscordMarkdownEncoder"/>, so a destination or article title shows exactly as written and
/// can neither format nor mention. Content is cut to Discord's 2000 characters with a closing "…" line.
/// </summary>
public static partial class DiscordAdminReply
{
    /// <summary>Discord's limit on message content, in code points.</summary>
    public const int ContentLimit = 2000;

    private const string Fence = "```";

    /// <summary>The whole reply, parts separated by a blank line, within <see cref="ContentLimit"/>.</summary>
    public static string FromTelegram(TelegramMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Truncate(string.Join("\n\n", message.Parts.Select(p => Convert(p.Html).Trim())));
    }

    /// <summary>One Telegram HTML text as Discord Markdown.</summary>
    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var output = new StringBuilder(html.Length + 16);
        var links = new Stack<string?>();
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0)
            {
                output.Append(Text(html[i..]));
                break;
            }

            output.Append(Text(html[i..open]));
            var close = html.IndexOf('>', open);
            if (close < 0)
            {
                output.Append(Text(html[open..]));
                break;
            }

            var tag = html[(open + 1)..close];
            var closing = tag.StartsWith('/');
            var name = TagName().Match(closing ? tag[1..] : tag).Value.ToLowerInvariant();
            i = close + 1;
            switch (name)
            {
                case "b" or "strong":
                    output.Append("**");
                    break;
                case "i" or "em":
                    output.Append('*');
                    break;
                case "br":
                    output.Append('\n');
                    break;
                case "code" when !closing:
                    i = Literal(html, i, "code", out var code);
                    output.Append('`').Append(code.Replace('`', 'ˋ').Replace('\n', ' ')).Append('`');
                    break;
                case "pre" when !closing:
                    i = Literal(html, i, "pre", out var block);
                    output.Append(Fence).Append('\n').Append(block.Replace(Fence, "ˋˋˋ", StringComparison.Ordinal).Trim('\n')).Append('\n').Append(Fence);
                    break;
                case "a" when !closing:
                    var href = Href().Match(tag) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["url"].Value) : null;
                    var safe = href is not null && (href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                        ? href.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)
                        : null;
                    links.Push(safe);
                    if (safe is not null)
                    {
                        output.Append('[');
                    }

                    break;
                case "a":
                    if (links.Count > 0 && links.Pop() is { } url)
                    {
                        output.Append("](").Append(url).Append(')');
                    }

                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// <paramref name="content"/> when it fits; otherwise the whole lines that fit, an open code block closed, and a
    /// last line "…".
    /// </summary>
    public static string Truncate(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (CodePoints(content) <= ContentLimit)
        {
            return content;
        }

        const string Ellipsis = "\n…";
        var kept = new StringBuilder();
        foreach (var line in content.Split('\n'))
        {
            var candidate = kept.Length == 0 ? line : kept + "\n" + line;
            if (CodePoints(candidate + Closing(candidate) + Ellipsis) > ContentLimit)
            {
                if (kept.Length == 0)
                {
                    kept.Append(Cut(line, ContentLimit - CodePoints(Fence) - 1 - CodePoints(Ellipsis)));
                }

                break;
            }

            kept.Clear().Append(candidate);
        }

        var text = kept.ToString();
        return text + Closing(text) + Ellipsis;
    }

    private static string Text(string html) => DiscordMarkdownEncoder.Instance.Encode(WebUtility.HtmlDecode(html));

    /// <summary>The decoded text up to the closing tag of <paramref name="name"/>, inner tags dropped; returns where to go on.</summary>
    private static int Literal(string html, int start, string name, out string text)
    {
        var end = html.IndexOf("</" + name, start, StringComparison.OrdinalIgnoreCase);
        var inner = end < 0 ? html[start..] : html[start..end];
        text = WebUtility.HtmlDecode(AnyTag().Replace(inner, string.Empty));
        if (end < 0)
        {
            return html.Length;
        }

        var close = html.IndexOf('>', end);
        return close < 0 ? html.Length : close + 1;
    }

    private static string Closing(string text) =>
        text.Split('\n').Count(l => l.StartsWith(Fence, StringComparison.Ordinal)) % 2 == 1 ? "\n" + Fence : string.Empty;

    private static string Cut(string line, int limit)
    {
        var cut = new StringBuilder();
        foreach (var rune in line.EnumerateRunes().Take(limit))
        {
            cut.Append(rune.ToString());
        }

        // A lone trailing backslash would escape the line break after it.
        var text = cut.ToString();
        var slashes = text.Length - text.TrimEnd('\\').Length;
        return slashes % 2 == 1 ? text[..^1] : text;
    }

    private static int CodePoints(string text) => text.EnumerateRunes().Count();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]*", RegexOptions.CultureInvariant)]
    private static partial Regex TagName();

    [GeneratedRegex("href\\s*=\\s*\"(?<url>[^\"]*)\"", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyTag();
}
