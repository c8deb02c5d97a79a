using System.Text;

namespace Bot.Core.Delivery;

/// <summary>
/// Reads a filter written as one string, for configuration and admin commands:
/// <code>tag:politics tag:gaza category:news language:ar pattern:"القدس|غزة"</code>
/// <list type="bullet">
/// <item>Terms are <c>key:value</c>, separated by white space. Keys: <c>tag</c>, <c>category</c>, <c>language</c>,
/// <c>pattern</c> (plural forms and any letter case accepted).</item>
/// <item>A value runs to the next white space, or is written in double quotes to contain spaces
/// (<c>\"</c> and <c>\\</c> escape inside quotes).</item>
/// <item>For tag, category and language, a value may list several entries separated by commas, and a key may
/// repeat: any of them matches. Different keys must all match.</item>
/// <item><c>pattern</c> is a .NET regular expression tried on the title and the body; at most one.</item>
/// <item>An empty string or <c>*</c> matches every article.</item>
/// </list>
/// </summary>
public static class DestinationFilterParser
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why in one line.</summary>
    public static bool TryParse(string? text, out DestinationFilter filter, out string? error)
    {
        filter = DestinationFilter.Everything;
        error = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "*")
        {
            return true;
        }

        var tags = new List<string>();
        var categories = new List<string>();
        var languages = new List<string>();
        string? pattern = null;
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;

            var colon = text.IndexOf(':', i);
            var space = IndexOfWhiteSpace(text, i);
            if (colon < 0 || (space >= 0 && space < colon))
            {
                var word = text[i..(space < 0 ? text.Length : space)];
                error = $"'{word}' is not a term: write key:value with key tag, category, language or pattern";
                return false;
            }

            var key = text[i..colon].Trim().ToLowerInvariant();
            i = colon + 1;
            if (!TryReadValue(text, ref i, out var value, out var quoted, out error)) return false;
            if (value.Length == 0)
            {
                error = $"'{key}:' has no value";
                return false;
            }

            switch (key)
            {
                case "tag" or "tags":
                    tags.AddRange(SplitList(value, quoted));
                    break;
                case "category" or "categories":
                    categories.AddRange(SplitList(value, quoted));
                    break;
                case "language" or "languages" or "lang":
                    languages.AddRange(SplitList(value, quoted));
                    break;
                case "pattern" or "regex":
                    if (pattern is not null)
                    {
                        error = "only one pattern: term is allowed; combine alternatives with |";
                        return false;
                    }
                    if (!DestinationFilterMatcher.TryValidatePattern(value, out error)) return false;
                    pattern = value;
                    break;
                default:
                    error = $"unknown filter key '{key}': use tag, category, language or pattern";
                    return false;
            }
        }

        filter = new DestinationFilter(tags, categories, languages, pattern);
        return true;
    }

    /// <summary>Writes a filter back in the string form <see cref="TryParse"/> reads.</summary>
    public static string Format(DestinationFilter filter)
    {
        var terms = new List<string>();
        terms.AddRange(filter.Tags.Select(t => "tag:" + Quote(t)));
        terms.AddRange(filter.Categories.Select(c => "category:" + Quote(c)));
        terms.AddRange(filter.Languages.Select(l => "language:" + Quote(l)));
        if (filter.Pattern is not null) terms.Add("pattern:" + Quote(filter.Pattern));
        return terms.Count == 0 ? "*" : string.Join(' ', terms);
    }

    private static string Quote(string value) =>
        value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c is '"' or ',' or '\\')
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static bool TryReadValue(string text, ref int i, out string value, out bool quoted, out string? error)
    {
        error = null;
        quoted = i < text.Length && text[i] == '"';
        if (quoted)
        {
            var sb = new StringBuilder();
            i++;
            while (i < text.Length && text[i] != '"')
            {
                if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                {
                    i++;
                }
                sb.Append(text[i]);
                i++;
            }
            if (i >= text.Length)
            {
                value = "";
                error = "a quoted value is not closed with \"";
                return false;
            }
            i++;
            value = sb.ToString();
            return true;
        }

        var end = IndexOfWhiteSpace(text, i);
        if (end < 0) end = text.Length;
        value = text[i..end];
        i = end;
        return true;
    }

    // A quoted list entry keeps its commas: only bare values are split.
    private static IEnumerable<string> SplitList(string value, bool quoted) =>
        quoted ? [value] : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static int IndexOfWhiteSpace(string text, int start)
    {
        for (var j = start; j < text.Length; j++)
        {
            if (char.IsWhiteSpace(text[j])) return j;
        }
        return -1;
    }
}
