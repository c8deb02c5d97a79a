using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Core.Rendering;

/// <summary>Tidies template output so template authors can lay out Liquid tags on their own lines.</summary>
internal static partial class RenderedText
{
    /// <summary>Trims the ends, drops trailing spaces on lines, and makes any run of blank lines one blank line.</summary>
    public static string Tidy(string text)
    {
        var lines = TrailingSpaces().Replace(text, "\n");
        return BlankLines().Replace(lines, "\n\n").Trim();
    }

    /// <summary>One line: every run of whitespace (line breaks included) becomes one space.</summary>
    public static string SingleLine(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"[ \t]+\n")]
    private static partial Regex TrailingSpaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
