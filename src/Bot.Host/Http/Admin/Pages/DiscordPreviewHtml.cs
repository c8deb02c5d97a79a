using System.Text;
using static Bot.Host.Http.Admin.Pages.Html;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>
/// Discord Markdown drawn as the Discord client draws it, for the part of it templates use: backslash escapes,
/// bold, italic, underline, strike-through, spoilers, inline code, masked links (http and https only), block
/// quotes and headings. Everything else shows as typed; every character is HTML-encoded on the way out.
/// </summary>
public static class DiscordPreviewHtml
{
    private const string Escapable = "\\*_~`|<>#-[]()@.!:/+=";

    public static string Render(string markdown)
    {
        var html = new StringBuilder(markdown.Length + 64);
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("> ", StringComparison.Ordinal) || line == ">")
            {
                html.Append("<span class=\"md-quote\">");
                Inline(html, line.Length > 2 ? line[2..] : "");
                html.Append("</span>");
                continue;
            }

            var level = line.TakeWhile(c => c == '#').Count();
            if (level is >= 1 and <= 3 && line.Length > level && line[level] == ' ')
            {
                html.Append("<span class=\"md-h").Append(level).Append("\">");
                Inline(html, line[(level + 1)..]);
                html.Append("</span>");
                continue;
            }

            Inline(html, line);
            if (i < lines.Length - 1)
            {
                html.Append('\n');
            }
        }

        return html.ToString();
    }

    private static void Inline(StringBuilder html, string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && Escapable.Contains(text[i + 1]))
            {
                html.Append(E(text[i + 1].ToString()));
                i += 2;
                continue;
            }

            if (c == '`' && text.IndexOf('`', i + 1) is var end and > 0)
            {
                html.Append("<code>").Append(E(text[(i + 1)..end])).Append("</code>");
                i = end + 1;
                continue;
            }

            if (TryWrap(html, text, ref i, "**", "strong") || TryWrap(html, text, ref i, "__", "u") || TryWrap(html, text, ref i, "~~", "s")
                || TryWrap(html, text, ref i, "||", "span class=\"spoiler\"") || TryWrap(html, text, ref i, "*", "em") || TryWrap(html, text, ref i, "_", "em")
                || TryLink(html, text, ref i))
            {
                continue;
            }

            html.Append(E(c.ToString()));
            i++;
        }
    }

    private static bool TryWrap(StringBuilder html, string text, ref int i, string delimiter, string element)
    {
        if (string.CompareOrdinal(text, i, delimiter, 0, delimiter.Length) != 0)
        {
            return false;
        }

        var start = i + delimiter.Length;
        var end = FindClosing(text, start, delimiter);
        if (end <= start)
        {
            return false;
        }

        var name = element.Split(' ')[0];
        html.Append('<').Append(element).Append('>');
        Inline(html, text[start..end]);
        html.Append("</").Append(name).Append('>');
        i = end + delimiter.Length;
        return true;
    }

    private static bool TryLink(StringBuilder html, string text, ref int i)
    {
        if (text[i] != '[')
        {
            return false;
        }

        var close = FindClosing(text, i + 1, "](");
        var end = close < 0 ? -1 : FindClosing(text, close + 2, ")");
        if (close < 0 || end < 0)
        {
            return false;
        }

        var target = text[(close + 2)..end].Replace("\\", "", StringComparison.Ordinal).Trim('<', '>', ' ');
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        html.Append("<a href=\"").Append(E(uri.AbsoluteUri)).Append("\" rel=\"noopener noreferrer nofollow\">");
        Inline(html, text[(i + 1)..close]);
        html.Append("</a>");
        i = end + 1;
        return true;
    }

    /// <summary>Where <paramref name="delimiter"/> next occurs from <paramref name="from"/>, skipping escaped characters; -1 when it does not.</summary>
    private static int FindClosing(string text, int from, string delimiter)
    {
        for (var j = from; j <= text.Length - delimiter.Length; j++)
        {
            if (text[j] == '\\')
            {
                j++;
                continue;
            }

            if (string.CompareOrdinal(text, j, delimiter, 0, delimiter.Length) == 0)
            {
                return j;
            }
        }

        return -1;
    }
}
