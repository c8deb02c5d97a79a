using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Bot.Core.Articles.Feeds;

/// <summary>
/// Turns the HTML of a feed item (content:encoded, an Atom html content, an RSS description) into plain
/// paragraphs: block elements and <c>&lt;br&gt;</c> end a paragraph, list items get a bullet or number as in
/// Markdown articles, tags are dropped, entities decoded, runs of white space become one space, and what a
/// reader never sees (scripts, styles, forms, embedded frames) is left out.
/// </summary>
public static class HtmlParagraphs
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly HashSet<string> Hidden = new(
        ["script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg", "math", "form", "button", "select", "textarea"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Blocks = new(
        [
            "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
            "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
            "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption",
        ],
        StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Split(string html)
    {
        if (string.IsNullOrWhiteSpace(html)) return [];
        var document = Parser.ParseDocument(html);
        return document.Body is null ? [] : Walk(document.Body);
    }

    /// <summary>The text on one line: paragraphs joined by a space (for titles and summaries).</summary>
    public static string OneLine(string html) => string.Join(' ', Split(html));

    private static List<string> Walk(INode root)
    {
        var paragraphs = new List<string>();
        var line = new StringBuilder();
        var listCounters = new Stack<int>();

        // An explicit stack rather than recursion: a feed decides how deep its HTML nests, and a stack
        // overflow would take the whole host down.
        var pending = new Stack<(INode Node, bool Leaving)>();
        for (var child = root.LastChild; child is not null; child = child.PreviousSibling) pending.Push((child, false));
        while (pending.TryPop(out var step))
        {
            var (node, leaving) = step;
            if (node is IText text)
            {
                AppendText(line, text.Data, InsidePre(text));
                continue;
            }

            if (node is not IElement element) continue;
            var name = element.LocalName;
            if (leaving)
            {
                if (name is "ol" or "ul" && listCounters.Count > 0) listCounters.Pop();
                if (Blocks.Contains(name)) Flush(paragraphs, line);
                continue;
            }

            if (Hidden.Contains(name)) continue;
            if (name == "br")
            {
                Flush(paragraphs, line);
                continue;
            }

            if (Blocks.Contains(name)) Flush(paragraphs, line);
            if (name == "ol") listCounters.Push(element.GetAttribute("start") is { } start && int.TryParse(start, out var first) ? first - 1 : 0);
            if (name == "ul") listCounters.Push(-1);
            if (name == "li")
            {
                var marker = "• ";
                if (listCounters.TryPop(out var counter))
                {
                    if (counter >= 0)
                    {
                        counter++;
                        marker = $"{counter}. ";
                    }

                    listCounters.Push(counter);
                }

                line.Append(marker);
            }

            pending.Push((node, true));
            for (var child = node.LastChild; child is not null; child = child.PreviousSibling) pending.Push((child, false));
        }

        Flush(paragraphs, line);
        return paragraphs;
    }

    private static bool InsidePre(INode node)
    {
        for (var parent = node.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (parent.LocalName == "pre") return true;
        }

        return false;
    }

    private static void AppendText(StringBuilder line, string text, bool preformatted)
    {
        foreach (var c in text)
        {
            if (preformatted && c == '\n')
            {
                line.Append('\n');
            }
            else if (char.IsWhiteSpace(c))
            {
                if (line.Length > 0 && line[^1] != ' ' && line[^1] != '\n') line.Append(' ');
            }
            else
            {
                line.Append(c);
            }
        }
    }

    private static void Flush(List<string> paragraphs, StringBuilder line)
    {
        var paragraph = line.ToString().Trim();
        line.Clear();
        // A marker with nothing after it is an empty list item (or one whose text sits in its own block).
        if (paragraph.Length > 0 && !IsMarkerOnly(paragraph)) paragraphs.Add(paragraph);
    }

    private static bool IsMarkerOnly(string paragraph) =>
        paragraph == "•" || (paragraph.EndsWith('.') && paragraph.Length > 1 && paragraph[..^1].All(char.IsAsciiDigit));
}
