using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace Bot.Core.Articles.Feeds;

/// <summary>
/// Turns the HTML of a feed item (content:encoded, an Atom html content, an RSS description) into plain
/// paragraphs: block elements and <c>&lt;br&gt;</c> end a paragraph, list items get a bullet or number as in
/// Markdown articles, tags are dropped, entities decoded, runs of white space become one space, and what a
/// reader never sees (scripts, styles, forms, embedded frames) is left out.
/// </summary>
/// <remarks>
/// It reads the token stream of AngleSharp's HTML tokenizer and builds no tree. Building the HTML5 tree costs a
/// scan of the open elements for many start tags, so 20,000 nested <c>&lt;div&gt;</c> took seconds and twice as
/// many four times longer; paragraphs need no tree. Every token is handled in constant time, and attributes other
/// than a list's <c>start</c> are never kept, so the work is in proportion to the input. Tag names come lower-case
/// from the tokenizer.
/// </remarks>
public static class HtmlParagraphs
{
    private static readonly HashSet<string> Hidden = new(
        ["script", "style", "noscript", "template", "title", "iframe", "object", "embed", "svg", "math", "form", "button",
         "select", "textarea", "noembed", "noframes", "xmp"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Blocks = new(
        [
            "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
            "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
            "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption",
        ],
        StringComparer.OrdinalIgnoreCase);

    // Elements whose content the tokenizer must read as text, as the tree builder would switch it to.
    private static readonly Dictionary<string, HtmlParseMode> TextModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["script"] = HtmlParseMode.Script, ["style"] = HtmlParseMode.Rawtext, ["xmp"] = HtmlParseMode.Rawtext,
        ["iframe"] = HtmlParseMode.Rawtext, ["noembed"] = HtmlParseMode.Rawtext, ["noframes"] = HtmlParseMode.Rawtext,
        ["noscript"] = HtmlParseMode.Rawtext, ["textarea"] = HtmlParseMode.RCData, ["title"] = HtmlParseMode.RCData,
        ["plaintext"] = HtmlParseMode.Plaintext,
    };

    private static readonly HashSet<string> Void = new(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"],
        StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Split(string html) => Split(html, new WorkCounter());

    /// <summary>As <see cref="Split(string)"/>, counting each token and each character of text in <paramref name="work"/>.</summary>
    public static IReadOnlyList<string> Split(string html, WorkCounter work)
    {
        if (string.IsNullOrWhiteSpace(html)) return [];
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver)
        {
            ShouldEmitAttribute = static (ref _, name) => name.Span.Equals("start", StringComparison.OrdinalIgnoreCase),
        };
        var walk = new Walk();
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            work.Add(1);
            switch (token.Type)
            {
                case HtmlTokenType.Character:
                    work.Add(token.Data.Length);
                    walk.Text(token.Data);
                    break;
                case HtmlTokenType.StartTag:
                    var tag = token.AsTag();
                    walk.Start(tag);
                    if (!tag.IsSelfClosing && TextModes.TryGetValue(tag.Name, out var mode)) tokenizer.State = mode;
                    break;
                case HtmlTokenType.EndTag:
                    walk.End(token.Name);
                    break;
            }
        }

        return walk.Finish();
    }

    /// <summary>The text on one line: paragraphs joined by a space (for titles and summaries).</summary>
    public static string OneLine(string html) => string.Join(' ', Split(html));

    private sealed class Walk
    {
        private readonly List<string> _paragraphs = [];
        private readonly StringBuilder _line = new();
        private readonly Stack<int> _listCounters = new();
        private string? _hidden;
        private int _hiddenDepth;
        private int _preDepth;

        public void Text(string text)
        {
            if (_hidden is null) AppendText(text);
        }

        public void Start(HtmlTagToken tag)
        {
            var name = tag.Name;
            if (_hidden is not null)
            {
                if (name.Equals(_hidden, StringComparison.OrdinalIgnoreCase) && !tag.IsSelfClosing) _hiddenDepth++;
                return;
            }

            if (Hidden.Contains(name))
            {
                if (tag.IsSelfClosing && name is "svg" or "math") return;
                if (!Void.Contains(name))
                {
                    _hidden = name;
                    _hiddenDepth = 1;
                }

                return;
            }

            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                Flush();
                return;
            }

            if (Blocks.Contains(name)) Flush();
            if (name.Equals("pre", StringComparison.OrdinalIgnoreCase)) _preDepth++;
            if (name.Equals("ol", StringComparison.OrdinalIgnoreCase))
            {
                _listCounters.Push(tag.GetAttribute("start") is { Length: > 0 } start && int.TryParse(start, out var first) ? first - 1 : 0);
            }

            if (name.Equals("ul", StringComparison.OrdinalIgnoreCase)) _listCounters.Push(-1);
            if (name.Equals("li", StringComparison.OrdinalIgnoreCase)) _line.Append(NextMarker());
        }

        public void End(string name)
        {
            if (_hidden is not null)
            {
                if (name.Equals(_hidden, StringComparison.OrdinalIgnoreCase) && --_hiddenDepth == 0) _hidden = null;
                return;
            }

            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                Flush();
                return;
            }

            if (name is "ol" or "ul" && _listCounters.Count > 0) _listCounters.Pop();
            if (name.Equals("pre", StringComparison.OrdinalIgnoreCase) && _preDepth > 0) _preDepth--;
            if (Blocks.Contains(name)) Flush();
        }

        public List<string> Finish()
        {
            Flush();
            return _paragraphs;
        }

        private string NextMarker()
        {
            if (!_listCounters.TryPop(out var counter)) return "• ";
            var marker = "• ";
            if (counter >= 0)
            {
                counter++;
                marker = $"{counter}. ";
            }

            _listCounters.Push(counter);
            return marker;
        }

        private void AppendText(string text)
        {
            foreach (var c in text)
            {
                if (_preDepth > 0 && c == '\n')
                {
                    _line.Append('\n');
                }
                else if (char.IsWhiteSpace(c))
                {
                    if (_line.Length > 0 && _line[^1] != ' ' && _line[^1] != '\n') _line.Append(' ');
                }
                else
                {
                    _line.Append(c);
                }
            }
        }

        private void Flush()
        {
            var paragraph = _line.ToString().Trim();
            _line.Clear();
            // A marker with nothing after it is an empty list item (or one whose text sits in its own block).
            if (paragraph.Length > 0 && !IsMarkerOnly(paragraph)) _paragraphs.Add(paragraph);
        }

        private static bool IsMarkerOnly(string paragraph) =>
            paragraph == "•" || (paragraph.EndsWith('.') && paragraph.Length > 1 && paragraph[..^1].All(char.IsAsciiDigit));
    }
}
