using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Bot.Core.Articles;

/// <summary>Reads the three article file shapes of DESIGN.md (.txt, .md, .json).</summary>
public static class ArticleFileReader
{
    /// <summary>Largest file accepted; anything bigger is refused without reading it whole.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Longest title accepted, in UTF-16 code units; a longer one is a paragraph that lost its blank line.</summary>
    public const int MaxTitleLength = 1000;

    /// <summary>The extensions <see cref="Read"/> understands, lower-case with the dot.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".txt", ".md", ".markdown", ".json"];

    /// <summary>False only when the text is not that shape at all; fields it refused go to <c>errors</c>.</summary>
    private delegate bool Parser(string text, WorkCounter work, List<ArticleFieldError> errors, [NotNullWhen(true)] out ArticleDraft? draft, [NotNullWhen(false)] out string? reason);

    private delegate bool WholeParser(string text, WorkCounter work, [NotNullWhen(true)] out ArticleDraft? draft, [NotNullWhen(false)] out string? reason);

    /// <summary>Reads an article from a file's bytes; the shape comes from the file name's extension.</summary>
    public static ArticleReadResult Read(string fileName, ReadOnlySpan<byte> content, DateTimeOffset received) =>
        Read(fileName, content, received, new WorkCounter());

    /// <summary>As above, counting in <paramref name="work"/> the steps the parser took.</summary>
    public static ArticleReadResult Read(string fileName, ReadOnlySpan<byte> content, DateTimeOffset received, WorkCounter work)
    {
        if (content.Length > MaxFileBytes) return TooLarge(content.Length);

        Parser? parser = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".txt" => Whole(TextArticleParser.TryParse),
            ".md" or ".markdown" => Whole(MarkdownArticleParser.TryParse),
            ".json" => JsonArticleParser.TryParse,
            _ => null,
        };
        if (parser is null) return UnknownExtension(fileName);

        if (!ArticleTextDecoder.TryDecode(content, out var text, out var reason)) return new ArticleReadResult.Failure(reason);
        work.Add(content.Length);
        var errors = new List<ArticleFieldError>();
        if (!parser(text, work, errors, out var draft, out reason)) return new ArticleReadResult.Failure(ArticleFieldRules.OneLine(reason));

        return Complete(draft, received, errors);
    }

    /// <summary>Reads an article file from disk.</summary>
    public static ArticleReadResult ReadFile(string path, DateTimeOffset received)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return new ArticleReadResult.Failure("file not found");

            // Checked before reading so a huge file dropped in the inbox is never loaded into memory.
            if (info.Length > MaxFileBytes) return TooLarge(info.Length);
            if (!Extensions.Contains(info.Extension.ToLowerInvariant())) return UnknownExtension(info.Name);

            return Read(info.Name, File.ReadAllBytes(info.FullName), received);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ArticleReadResult.Failure(ArticleFieldRules.OneLine($"cannot read file: {e.Message}"));
        }
    }

    // The text and Markdown shapes stop at their first problem, which is never about one field alone.
    private static Parser Whole(WholeParser parse) =>
        (string text, WorkCounter work, List<ArticleFieldError> _, [NotNullWhen(true)] out ArticleDraft? draft, [NotNullWhen(false)] out string? reason) =>
            parse(text, work, out draft, out reason);

    /// <summary>The article, or every field problem at once: those the parser found and the rules every shape shares.</summary>
    private static ArticleReadResult Complete(ArticleDraft draft, DateTimeOffset received, List<ArticleFieldError> errors)
    {
        if (draft.Title is { } title && title.Length > MaxTitleLength)
        {
            errors.Add(new ArticleFieldError("title", $"title is {title.Length} characters; the limit is {MaxTitleLength} (is a blank line missing after it?)"));
        }

        if (draft.Paragraphs.Count == 0 && !errors.Any(e => e.Field == "body"))
        {
            errors.Add(new ArticleFieldError("body", "no body: the file has a title but no paragraphs"));
        }

        errors.AddRange(draft.LinkErrors());
        if (errors.Count > 0)
        {
            var reason = ArticleFieldRules.OneLine(string.Join("; ", errors.Select(e => e.Message)));
            return new ArticleReadResult.Failure(reason) { Errors = [.. errors.Select(e => e with { Message = ArticleFieldRules.OneLine(e.Message) })] };
        }

        return new ArticleReadResult.Success(draft.ToArticle(received));
    }

    private static ArticleReadResult.Failure TooLarge(long length) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"file is {length / (1024.0 * 1024.0):0.0} MB; the limit is {MaxFileBytes / (1024 * 1024)} MB"));

    private static ArticleReadResult.Failure UnknownExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        var what = extension.Length == 0 ? "a file without an extension" : $"unknown file type \"{extension}\"";
        return new($"{what}; expected .txt, .md or .json");
    }
}
