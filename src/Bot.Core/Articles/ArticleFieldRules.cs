namespace Bot.Core.Articles;

/// <summary>
/// The field names and value rules that front matter and JSON share, so both shapes accept the same
/// values and explain a refusal with the same words.
/// </summary>
internal static class ArticleFieldRules
{
    public const string TagsMessage = "field \"tags\" must be a list of strings or a string";

    public static readonly IReadOnlySet<string> TextFields = new HashSet<string>(
        ["id", "title", "url", "image", "summary", "category", "source", "author"], StringComparer.Ordinal);

    public static string MustBeString(string field) => $"field \"{field}\" must be a string";

    public static string MustBeBoolean(string field) => $"field \"{field}\" must be true or false";

    /// <summary>Comma-separated tags, trimmed, empty ones dropped.</summary>
    public static List<string> SplitTags(string raw) =>
        [.. raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    public static bool TryPublished(string raw, out DateTimeOffset published, out string reason)
    {
        reason = $"field \"published\" must be an ISO 8601 date or date-time, not \"{Quote(raw)}\"";
        return PublishedDate.TryParse(raw, out published);
    }

    public static bool TryLanguage(string raw, out string language, out string reason)
    {
        reason = $"field \"language\" must be a language tag such as \"ar\" or \"en\", not \"{Quote(raw)}\"";
        return LanguageTag.TryNormalise(raw, out language);
    }

    /// <summary>
    /// Null when <paramref name="value"/> is absent or an absolute http(s) URL with a host; otherwise the reason. A link
    /// is put into every message as a clickable target, so <c>javascript:</c>, <c>data:</c> and the like never get in.
    /// </summary>
    public static string? LinkProblem(string field, string? value) =>
        value is null
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0)
            ? null
            : $"field \"{field}\" must be an absolute http(s) URL, not \"{Quote(value)}\"";

    /// <summary>A value as shown inside a one-line reason: on one line and short.</summary>
    public static string Quote(string value)
    {
        var oneLine = OneLine(value);
        return oneLine.Length <= 60 ? oneLine : string.Concat(oneLine.AsSpan(0, 59), "…");
    }

    /// <summary>
    /// Reasons end up in a one-line <c>.reason</c> file and a log line, so control characters become
    /// spaces and a reason quoting a huge value from the file is cut short.
    /// </summary>
    public static string OneLine(string text)
    {
        const int MaxLength = 300;
        var length = Math.Min(text.Length, MaxLength);
        var line = string.Create(length, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        });
        return text.Length > MaxLength ? line[..(MaxLength - 1)] + "…" : line;
    }

    /// <summary>Stores a text field's value (trimmed; empty means absent) on the draft.</summary>
    public static ArticleDraft WithText(ArticleDraft draft, string field, string? value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return field switch
        {
            "id" => draft with { Id = text },
            "title" => draft with { Title = text },
            "url" => draft with { Url = text },
            "image" => draft with { Image = text },
            "summary" => draft with { Summary = text },
            "category" => draft with { Category = text },
            "source" => draft with { Source = text },
            "author" => draft with { Author = text },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a text field"),
        };
    }
}
