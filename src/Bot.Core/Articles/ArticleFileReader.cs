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

    private delegate bool Parser(string text, WorkCounter work, [NotNullWhen(true)] out ArticleDraft? draft, [NotNullWhen(false)] out string? reason);

    /// <summary>Reads an article from a file's bytes; the shape comes from the file name's extension.</summary>
    public static ArticleReadResult Read(string fileName, ReadOnlySpan<byte> content, DateTimeOffset received) =>
        Read(fileName, content, received, new WorkCounter());

    /// <summary>As above, counting in <paramref name="work"/> the steps the parser took.</summary>
    public static ArticleReadResult Read(string fileName, ReadOnlySpan<byte> content, DateTimeOffset received, WorkCounter work)
    {
        if (content.Length > MaxFileBytes) return TooLarge(content.Length);

        Parser? parser = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".txt" => TextArticleParser.TryParse,
            ".md" or ".markdown" => MarkdownArticleParser.TryParse,
            ".json" => JsonArticleParser.TryParse,
            _ => null,
        };
        if (parser is null) return UnknownExtension(fileName);

        if (!ArticleTextDecoder.TryDecode(content, out var text, out var reason)) return new ArticleReadResult.Failure(reason);
        work.Add(content.Length);
        if (!parser(text, work, out var draft, out reason)) return new ArticleReadResult.Failure(ArticleFieldRules.OneLine(reason));

        return Complete(draft, received);
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

    private static ArticleReadResult Complete(ArticleDraft draft, DateTimeOffset received)
    {
        var title = draft.Title!;
        if (title.Length > MaxTitleLength)
        {
            return new ArticleReadResult.Failure(
                $"title is {title.Length} characters; the limit is {MaxTitleLength} (is a blank line missing after it?)");
        }

        if (draft.Paragraphs.Count == 0)
        {
            return new ArticleReadResult.Failure("no body: the file has a title but no paragraphs");
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
