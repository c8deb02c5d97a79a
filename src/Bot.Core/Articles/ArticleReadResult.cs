namespace Bot.Core.Articles;

/// <summary>An article read from a file, or the one-line reason it could not be.</summary>
public abstract record ArticleReadResult
{
    public sealed record Success(Article Article) : ArticleReadResult;

    /// <param name="Reason">One line: every field problem joined, or what is wrong with the document as a whole.</param>
    public sealed record Failure(string Reason) : ArticleReadResult
    {
        /// <summary>Each refused field on its own; empty when the document as a whole could not be read.</summary>
        public IReadOnlyList<ArticleFieldError> Errors { get; init; } = [];
    }
}
