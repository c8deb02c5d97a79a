namespace Bot.Core.Articles;

/// <summary>An article read from a file, or the one-line reason it could not be.</summary>
public abstract record ArticleReadResult
{
    public sealed record Success(Article Article) : ArticleReadResult;

    public sealed record Failure(string Reason) : ArticleReadResult;
}
