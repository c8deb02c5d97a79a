using System.Text;

namespace Bot.Core.Rendering;

/// <summary>Tidies template output so template authors can lay out Liquid tags on their own lines.</summary>
internal static class RenderedText
{
    /// <summary>Trims the ends, drops trailing spaces on lines, and makes any run of blank lines one blank line.</summary>
    public static string Tidy(string text)
    {
        var span = text.AsSpan().Trim();
        if (!span.Contains(" \n", StringComparison.Ordinal) && !span.Contains("\t\n", StringComparison.Ordinal)
            && !span.Contains("\n\n\n", StringComparison.Ordinal))
        {
            return span.Length == text.Length ? text : span.ToString();
        }

        var sb = new StringBuilder(span.Length);
        var blankLines = 0;
        foreach (var range in span.Split('\n'))
        {
            var line = span[range].TrimEnd(" \t");
            if (line.IsEmpty)
            {
                blankLines++;
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('\n', blankLines > 0 ? 2 : 1);
            }

            sb.Append(line);
            blankLines = 0;
        }

        return sb.ToString();
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

}
