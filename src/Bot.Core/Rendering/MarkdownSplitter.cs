using System.Globalization;

namespace Bot.Core.Rendering;

/// <summary>
/// Cuts Discord Markdown into pieces of at most a given number of code points (Discord counts with Python's
/// <c>len()</c>), at paragraph, then sentence, then word boundaries, never inside a grapheme cluster and never
/// between a backslash and the character it escapes.
/// </summary>
/// <remarks>
/// Escaped text has no formatting of its own; the default Discord templates keep their own emphasis within one
/// line (a title, a footer), and the paragraph-first cut keeps such lines whole.
/// </remarks>
public static class MarkdownSplitter
{
    public static IReadOnlyList<TextPart> Split(string markdown, int limit)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (TelegramHtmlSplitter.CodePoints(markdown) <= limit)
        {
            return [new TextPart(markdown, markdown)];
        }

        var atoms = Atoms(markdown);
        var ranks = SplitPoints.Rank(atoms);
        var parts = new List<TextPart>();
        var start = 0;
        while (start < atoms.Count)
        {
            var codePoints = 0;
            var maxEnd = start;
            while (maxEnd < atoms.Count && codePoints + TelegramHtmlSplitter.CodePoints(atoms[maxEnd]) <= limit)
            {
                codePoints += TelegramHtmlSplitter.CodePoints(atoms[maxEnd]);
                maxEnd++;
            }

            maxEnd = Math.Max(maxEnd, start + 1);
            var end = SplitPoints.Choose(ranks, start, maxEnd, atoms.Count);
            var text = string.Concat(atoms.Skip(start).Take(end - start));
            parts.Add(new TextPart(text, text));
            start = end;
        }

        return parts;
    }

    /// <summary>At most <paramref name="limit"/> code points, cut between whole atoms and ending in "…" when shortened.</summary>
    public static string Truncate(string markdown, int limit)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (TelegramHtmlSplitter.CodePoints(markdown) <= limit)
        {
            return markdown;
        }

        var kept = new System.Text.StringBuilder();
        var used = 1;
        foreach (var atom in Atoms(markdown))
        {
            var size = TelegramHtmlSplitter.CodePoints(atom);
            if (used + size > limit)
            {
                break;
            }

            kept.Append(atom);
            used += size;
        }

        return kept.ToString().TrimEnd() + "…";
    }

    private static List<string> Atoms(string markdown)
    {
        var atoms = new List<string>();
        var span = markdown.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var n = StringInfo.GetNextTextElementLength(span[i..]);
            // An escape and what it escapes, or a mention breaker and its '@', only work together.
            if ((span[i] == '\\' && n == 1 && i + 1 < span.Length)
                || (span[i] == '@' && n == 1 && i + 1 < span.Length && span[i + 1] == DiscordMarkdownEncoder.MentionBreaker))
            {
                n += StringInfo.GetNextTextElementLength(span[(i + 1)..]);
            }

            atoms.Add(markdown.Substring(i, n));
            i += n;
        }

        return atoms;
    }
}
