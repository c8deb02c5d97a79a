using Bot.Core.Articles;

namespace Bot.Core.Storage;

/// <summary>Versioned articles. Implemented for SQLite and PostgreSQL in Bot.Storage.</summary>
public interface IArticleStore
{
    /// <summary>
    /// Adds an article: a new key becomes version 1, changed content under a known key the next
    /// version, identical content is reported <see cref="ImportStatus.Unchanged"/> and changes nothing.
    /// </summary>
    Task<ImportResult> ImportAsync(Article article, CancellationToken cancellationToken);

    /// <summary>The latest version of an article, or a given version; null when unknown.</summary>
    Task<Article?> GetAsync(string key, int? version, CancellationToken cancellationToken);

    /// <summary>The latest version of the most recently changed articles, newest first.</summary>
    Task<IReadOnlyList<Article>> ListRecentAsync(int limit, CancellationToken cancellationToken);
}
