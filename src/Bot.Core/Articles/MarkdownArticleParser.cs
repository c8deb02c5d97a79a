using System.Diagnostics.CodeAnalysis;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Core.Articles;

/// <summary>
/// A Markdown article: optional YAML front matter between <c>---</c> lines, then a body whose blocks
/// become plain-text paragraphs. Without a front-matter title, the first level-one heading is the title.
/// </summary>
internal static class MarkdownArticleParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static bool TryParse(string text, [NotNullWhen(true)] out ArticleDraft? draft, [NotNullWhen(false)] out string? reason) =>
        TryParse(text, new WorkCounter(), out draft, out reason);

    /// <summary>As above, counting in <paramref name="work"/> the characters scanned and the nodes visited.</summary>
    public static bool TryParse(string text, WorkCounter work, [NotNullWhen(true)] out ArticleDraft? draft, [NotNullWhen(false)] out string? reason)
    {
        draft = null;
        var lines = text.Split('\n');
        var body = text;
        var bodyLine = 1;
        var front = new ArticleDraft();
        if (lines[0].TrimEnd() == "---")
        {
            var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
            if (close < 0)
            {
                reason = "front matter: no closing \"---\" line";
                return false;
            }

            var yaml = string.Join('\n', lines[1..close]);
            if (!FrontMatterReader.TryRead(yaml, firstLine: 2, work, out var read, out reason)) return false;
            front = read;
            body = string.Join('\n', lines[(close + 1)..]);
            bodyLine = close + 2;
        }

        if (!MarkdownBudget.TryCheck(body, bodyLine, work, out reason)) return false;

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(body, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses blocks nested beyond its depth limit this way; that limit is also what
            // keeps the recursive block walk below shallow.
            reason = "markdown body is nested too deeply";
            return false;
        }

        var paragraphs = new List<string>();
        var title = front.Title;
        foreach (var block in document)
        {
            if (title is null && block is HeadingBlock { Level: 1 } heading)
            {
                title = InlineText(heading.Inline).Trim();
                if (title.Length == 0) title = null;
                continue;
            }

            AddBlock(block, paragraphs, work);
        }

        if (title is null)
        {
            reason = "no title: give \"title\" in the front matter or start the body with a \"# heading\"";
            return false;
        }

        draft = front with { Title = title, Paragraphs = paragraphs };
        reason = null;
        return true;
    }

    private static void AddBlock(Block block, List<string> paragraphs, WorkCounter work)
    {
        work.Add(1);
        switch (block)
        {
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{item.Order}. " : "• ";
                    var text = string.Join('\n', item.OfType<LeafBlock>().Select(l => LeafText(l, work)).Where(t => t.Length > 0));
                    if (text.Length > 0) paragraphs.Add(marker + text);
                    foreach (var nested in item.Where(b => b is not LeafBlock)) AddBlock(nested, paragraphs, work);
                }

                break;
            case ContainerBlock container:
                foreach (var child in container) AddBlock(child, paragraphs, work);
                break;
            case LeafBlock leaf and not (ThematicBreakBlock or HtmlBlock or LinkReferenceDefinition):
                var paragraph = LeafText(leaf, work);
                if (paragraph.Length > 0) paragraphs.Add(paragraph);
                break;
        }
    }

    private static string LeafText(LeafBlock leaf, WorkCounter work) =>
        leaf is CodeBlock code ? code.Lines.ToString().Trim() : InlineText(leaf.Inline, work).Trim();

    private static string InlineText(ContainerInline? root, WorkCounter? work = null)
    {
        // An explicit stack rather than recursion: emphasis nests as deep as the input asks
        // (a file of 100,000 asterisks), and a stack overflow would take the whole host down.
        var sb = new StringBuilder();
        var pending = new Stack<Inline>();
        if (root is not null) pending.Push(root);
        while (pending.TryPop(out var inline))
        {
            work?.Add(1);
            switch (inline)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case AutolinkInline autolink:
                    sb.Append(autolink.Url);
                    break;
                case HtmlEntityInline entity:
                    sb.Append(entity.Transcoded.AsSpan());
                    break;
                case LineBreakInline:
                    sb.Append('\n');
                    break;
                case DelimiterInline delimiter:
                    // An emphasis or link opener that found no partner is text.
                    sb.Append(delimiter.ToLiteral());
                    break;
                case ContainerInline container:
                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling) pending.Push(child);
                    break;
            }
        }

        return sb.ToString();
    }
}
