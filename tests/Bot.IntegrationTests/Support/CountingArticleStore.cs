using System.Collections.Concurrent;
using Bot.Core.Articles;
using Bot.Core.Storage;

namespace Bot.IntegrationTests.Support;

/// <summary>
/// An <see cref="IArticleStore"/> in front of another that counts the imports of each key, so a test sees an
/// article imported twice even when the store answers the second time with "unchanged"; and fails the first
/// <paramref name="failures"/> imports, as a store that is down does.
/// </summary>
public sealed class CountingArticleStore(IArticleStore inner, int failures = 0) : IArticleStore
{
    private readonly ConcurrentDictionary<string, int> _imports = new(StringComparer.Ordinal);
    private int _failuresLeft = failures;

    public IReadOnlyDictionary<string, int> Imports => _imports;

    /// <summary>Fail every import from now on (<c>true</c>) or none (<c>false</c>).</summary>
    public bool Down { get; set; }

    public Task<ImportResult> ImportAsync(Article article, CancellationToken cancellationToken)
    {
        if (Down || Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("the store is down (test)");
        }

        _imports.AddOrUpdate(article.Key, 1, (_, n) => n + 1);
        return inner.ImportAsync(article, cancellationToken);
    }

    public Task<Article?> GetAsync(string key, int? version, CancellationToken cancellationToken) =>
        inner.GetAsync(key, version, cancellationToken);

    public Task<IReadOnlyList<Article>> ListRecentAsync(int limit, CancellationToken cancellationToken) =>
        inner.ListRecentAsync(limit, cancellationToken);
}
