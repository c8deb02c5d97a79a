using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Bot.Core.Articles;

/// <summary>
/// A JSON article: one object with the front-matter field names and a <c>body</c> that is either one
/// string (paragraphs separated by blank lines) or a list of paragraph strings.
/// </summary>
internal static class JsonArticleParser
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 32,
    };

    /// <summary>
    /// Reads the object into <paramref name="draft"/>, counting the characters read in <paramref name="work"/> (one
    /// pass, whatever the input). False, with <paramref name="reason"/>, only when the text is not a JSON object at
    /// all; a field that is wrong is added to <paramref name="errors"/> and the others are still read, so that one
    /// answer can name every bad field.
    /// </summary>
    public static bool TryParse(string text, WorkCounter work, List<ArticleFieldError> errors, [NotNullWhen(true)] out ArticleDraft? draft, [NotNullWhen(false)] out string? reason)
    {
        work.Add(text.Length);
        draft = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            reason = e is { LineNumber: { } line, BytePositionInLine: { } column }
                ? $"invalid JSON: (line {line + 1}, byte {column + 1}) {WithoutPosition(e.Message)}"
                : $"invalid JSON: {e.Message}";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                reason = $"JSON must be an object with the article's fields, found {Describe(root.ValueKind)}";
                return false;
            }

            var result = new ArticleDraft();
            IReadOnlyList<string>? paragraphs = null;
            foreach (var property in root.EnumerateObject())
            {
                var key = property.Name.Trim().ToLowerInvariant();
                var value = property.Value;
                if (key == "body")
                {
                    if (TryBody(value, out var read, out var problem)) paragraphs = read;
                    else errors.Add(new ArticleFieldError(key, problem));
                }
                else if (!TryApply(ref result, key, value, out var problem))
                {
                    errors.Add(new ArticleFieldError(key, problem));
                }
            }

            if (result.Title is null && !errors.Any(e => e.Field == "title"))
            {
                errors.Add(new ArticleFieldError("title", "field \"title\" is missing or empty"));
            }

            if (paragraphs is null && !errors.Any(e => e.Field == "body"))
            {
                errors.Add(new ArticleFieldError("body", "field \"body\" is missing"));
            }

            draft = result with { Paragraphs = paragraphs ?? [] };
            reason = null;
            return true;
        }
    }

    private static bool TryBody(JsonElement value, [NotNullWhen(true)] out IReadOnlyList<string>? paragraphs, [NotNullWhen(false)] out string? reason)
    {
        paragraphs = null;
        reason = "field \"body\" must be a string or a list of strings";
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                paragraphs = ParagraphSplitter.Split(value.GetString()!);
                break;
            case JsonValueKind.Array:
                var list = new List<string>();
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String) return false;
                    var paragraph = ArticleTextDecoder.NormaliseLineEndings(item.GetString()!).Trim();
                    if (paragraph.Length > 0) list.Add(paragraph);
                }

                paragraphs = list;
                break;
            default:
                return false;
        }

        reason = null;
        return true;
    }

    private static bool TryApply(ref ArticleDraft draft, string key, JsonElement value, [NotNullWhen(false)] out string? reason)
    {
        reason = null;
        if (value.ValueKind == JsonValueKind.Null) return true;
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;

        if (key == "id" && value.ValueKind == JsonValueKind.Number)
        {
            // Desks that number their articles write the id as a JSON number.
            draft = draft with { Id = value.GetRawText() };
            return true;
        }

        if (ArticleFieldRules.TextFields.Contains(key))
        {
            if (text is null)
            {
                reason = ArticleFieldRules.MustBeString(key);
                return false;
            }

            draft = ArticleFieldRules.WithText(draft, key, text);
            return true;
        }

        switch (key)
        {
            case "tags" when value.ValueKind == JsonValueKind.Array:
                var tags = new List<string>();
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        reason = ArticleFieldRules.TagsMessage;
                        return false;
                    }

                    var tag = item.GetString()!.Trim();
                    if (tag.Length > 0) tags.Add(tag);
                }

                draft = draft with { Tags = tags };
                return true;
            case "tags" when text is not null:
                draft = draft with { Tags = ArticleFieldRules.SplitTags(text) };
                return true;
            case "tags":
                reason = ArticleFieldRules.TagsMessage;
                return false;
            case "retracted" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                draft = draft with { Retracted = value.GetBoolean() };
                return true;
            case "retracted":
                reason = ArticleFieldRules.MustBeBoolean(key);
                return false;
            case "language" or "published" when text is null:
                reason = ArticleFieldRules.MustBeString(key);
                return false;
            case "language" when !string.IsNullOrWhiteSpace(text):
                if (!ArticleFieldRules.TryLanguage(text, out var language, out reason)) return false;
                draft = draft with { Language = language };
                return true;
            case "published" when !string.IsNullOrWhiteSpace(text):
                if (!ArticleFieldRules.TryPublished(text, out var published, out reason)) return false;
                draft = draft with { Published = published };
                return true;
            default:
                // Unknown fields and empty strings are ignored: a desk may add its own fields.
                return true;
        }
    }

    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
