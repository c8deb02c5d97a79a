using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Bot.Core.Articles;

/// <summary>
/// The reference shape: the first non-blank line is the title, blank lines separate paragraphs, and an
/// optional last line <c>Source: NAME</c> (or <c>المصدر: NAME</c>) names the source.
/// </summary>
internal static partial class TextArticleParser
{
    /// <summary>Longest last line read as a <c>Source:</c> line; a longer one is a paragraph.</summary>
    public const int MaxSourceLineLength = 300;

    public static bool TryParse(string text, [NotNullWhen(true)] out ArticleDraft? draft, [NotNullWhen(false)] out string? reason) =>
        TryParse(text, new WorkCounter(), out draft, out reason);

    /// <summary>As above, counting the characters read in <paramref name="work"/>: one pass, whatever the input.</summary>
    public static bool TryParse(string text, WorkCounter work, [NotNullWhen(true)] out ArticleDraft? draft, [NotNullWhen(false)] out string? reason)
    {
        work.Add(text.Length);
        var lines = text.Split('\n');
        var first = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        var last = Array.FindLastIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        if (first < 0)
        {
            draft = null;
            reason = "empty file";
            return false;
        }

        string? source = null;
        // The pattern backtracks over a line's white space, so a long last line costs its square; a source is short.
        if (last > first && lines[last].Length <= MaxSourceLineLength && SourceLine().Match(lines[last]) is { Success: true } match)
        {
            source = match.Groups["name"].Value;
            last--;
        }

        draft = new ArticleDraft
        {
            Title = lines[first].Trim(),
            Paragraphs = ParagraphSplitter.Split(lines[(first + 1)..(last + 1)]),
            Source = source,
        };
        reason = null;
        return true;
    }

    // Editors for right-to-left text often leave invisible direction marks around a line, so they are
    // tolerated like spaces; the name itself must not be empty.
    [GeneratedRegex(@"^[\s\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]*(?:Source|المصدر)\s*:[\s\u200E\u200F]*(?<name>\S.*?)[\s\u200E\u200F\u202C\u2069]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceLine();
}
