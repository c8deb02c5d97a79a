using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Bot.Core.Articles;

/// <summary>
/// The reference shape: the first non-blank line is the title, blank lines separate paragraphs, and an
/// optional last line <c>Source: NAME</c> (or <c>المصدر: NAME</c>) names the source.
/// </summary>
internal static partial class TextArticleParser
{
    public static bool TryParse(string text, [NotNullWhen(true)] out ArticleDraft? draft, [NotNullWhen(false)] out string? reason)
    {
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
        if (last > first && SourceLine().Match(lines[last]) is { Success: true } match)
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
