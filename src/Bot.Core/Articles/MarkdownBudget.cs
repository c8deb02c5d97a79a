using System.Diagnostics.CodeAnalysis;

namespace Bot.Core.Articles;

/// <summary>
/// Limits checked on a Markdown body in one pass before Markdig sees it. Markdig's inline parsing is quadratic
/// in the markup a paragraph holds (each unclosed <c>[</c> or emphasis run scans on through the paragraph:
/// a megabyte of <c>[a](</c> took seconds, twice as much four times longer), and its block parsing walks every
/// open container for each line. Capping the body's size, the markup openers per paragraph and the nesting per
/// line makes the cost at most a constant times the input's length.
/// </summary>
internal static class MarkdownBudget
{
    /// <summary>Longest Markdown body, in UTF-16 code units; a news article is a few tens of thousands.</summary>
    public const int MaxChars = 1024 * 1024;

    /// <summary>Most inline markup openers (runs of <c>*</c>, <c>_</c>, <c>`</c>, <c>~</c>; each <c>[</c> and <c>&lt;</c>) in one paragraph.</summary>
    public const int MaxOpenersPerParagraph = 100;

    /// <summary>Deepest nesting of one line: each <c>&gt;</c> and list marker of its prefix, and each four columns of indentation.</summary>
    public const int MaxLineDepth = 32;

    /// <param name="firstLine">The file line the body starts on, so a reason points into the file.</param>
    public static bool TryCheck(string body, int firstLine, WorkCounter work, [NotNullWhen(false)] out string? reason)
    {
        reason = null;
        if (body.Length > MaxChars)
        {
            reason = $"markdown body is {body.Length} characters; the limit is {MaxChars}";
            return false;
        }

        var openers = 0;
        var paragraphLine = 0;
        (char Marker, int Length)? fence = null;
        var lineNumber = firstLine - 1;
        foreach (var range in body.AsSpan().Split('\n'))
        {
            var line = body.AsSpan(range);
            lineNumber++;
            work.Add(line.Length + 1);
            if (Fence(line) is { } marker)
            {
                if (fence is null) fence = (marker.Marker, marker.Length);
                else if (marker.Marker == fence.Value.Marker && marker.Length >= fence.Value.Length && marker.Closes) fence = null;
                openers = 0;
                continue;
            }

            if (fence is not null) continue;
            if (line.IsWhiteSpace())
            {
                openers = 0;
                continue;
            }

            if (Depth(line) > MaxLineDepth)
            {
                reason = $"markdown line {lineNumber} is nested more than {MaxLineDepth} levels deep";
                return false;
            }

            if (openers == 0) paragraphLine = lineNumber;
            openers += Openers(line);
            if (openers > MaxOpenersPerParagraph)
            {
                reason = $"markdown paragraph at line {paragraphLine} holds more than {MaxOpenersPerParagraph} emphasis, link or code markers";
                return false;
            }
        }

        return true;
    }

    /// <summary>A fence line (up to three spaces, then three or more backticks or tildes); null for any other line.</summary>
    private static (char Marker, int Length, bool Closes)? Fence(ReadOnlySpan<char> line)
    {
        var indent = 0;
        while (indent < line.Length && indent < 4 && line[indent] == ' ') indent++;
        if (indent > 3 || indent == line.Length || line[indent] is not ('`' or '~')) return null;
        var marker = line[indent];
        var length = 0;
        while (indent + length < line.Length && line[indent + length] == marker) length++;
        if (length < 3) return null;
        var info = line[(indent + length)..];
        // CommonMark: a backtick fence's info string may not hold a backtick (then the line is inline code).
        if (marker == '`' && info.Contains('`')) return null;
        return (marker, length, info.IsWhiteSpace());
    }

    private static int Depth(ReadOnlySpan<char> line)
    {
        int depth = 0, columns = 0, i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == ' ') columns++;
            else if (c == '\t') columns += 4;
            else if (c == '>' || (c is '-' or '+' or '*' && (i + 1 == line.Length || line[i + 1] is ' ' or '\t')))
            {
                depth++;
                i += SpaceAfter(line, i + 1);
            }
            else if (char.IsAsciiDigit(c) && OrderedMarkerLength(line[i..]) is > 0 and var length)
            {
                depth++;
                i += length - 1 + SpaceAfter(line, i + length);
            }
            else break;
            i++;
        }

        return depth + columns / 4;
    }

    // The space that follows a marker belongs to the marker, not to the indentation.
    private static int SpaceAfter(ReadOnlySpan<char> line, int at) => at < line.Length && line[at] == ' ' ? 1 : 0;

    private static int OrderedMarkerLength(ReadOnlySpan<char> rest)
    {
        var digits = 0;
        while (digits < rest.Length && digits < 10 && char.IsAsciiDigit(rest[digits])) digits++;
        return digits < rest.Length && rest[digits] is '.' or ')' && (digits + 1 == rest.Length || rest[digits + 1] is ' ' or '\t') ? digits + 1 : 0;
    }

    private static int Openers(ReadOnlySpan<char> line)
    {
        var count = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '[' or '<') count++;
            else if (c is '*' or '_' or '`' or '~' && (i == 0 || line[i - 1] != c)) count++;
        }

        return count;
    }
}
