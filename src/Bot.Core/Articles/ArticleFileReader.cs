namespace Bot.Core.Articles;

/// <summary>Reads the three article file shapes of DESIGN.md (.txt, .md, .json).</summary>
public static class ArticleFileReader
{
    /// <summary>Largest file accepted; anything bigger is refused without reading it whole.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Reads an article from a file's bytes; the shape comes from the file name's extension.</summary>
    public static ArticleReadResult Read(string fileName, ReadOnlySpan<byte> content, DateTimeOffset received) =>
        throw new NotImplementedException();

    /// <summary>Reads an article file from disk.</summary>
    public static ArticleReadResult ReadFile(string path, DateTimeOffset received) =>
        throw new NotImplementedException();
}
