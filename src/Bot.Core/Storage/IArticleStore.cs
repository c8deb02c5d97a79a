using Bot.Core.Articles;

namespace Bot.Core.Storage;

/// <summary>Versioned articles. Implemented for SQLite and PostgreSQL in Bot.Storage.</summary>
public interface IArticleStore
{
    /// <summary>
    /// Adds an article under its id (<see cref="Article.Key"/>): a new id becomes version 1, changed content under a
    /// known id the next version, identical content is reported <see cref="ImportStatus.Unchanged"/> and changes
    /// nothing; a retracted article stays retracted unless <see cref="Articles.ArticleRevision"/> sees an explicit new
    /// version (<see cref="ImportStatus.Retracted"/> otherwise). Throws <see cref="ArticleOriginConflictException"/>
    /// when the id belongs to an article of another origin.
    /// </summary>
    Task<ImportResult> ImportAsync(Article article, CancellationToken cancellationToken);

    /// <summary>The latest version of an article, or a given version, by id; null when unknown.</summary>
    Task<Article?> GetAsync(string key, int? version, CancellationToken cancellationToken);

    /// <summary>The latest version of the most recently changed articles, newest first.</summary>
    Task<IReadOnlyList<Article>> ListRecentAsync(int limit, CancellationToken cancellationToken);
}
