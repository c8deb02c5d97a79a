using System.Collections.Concurrent;
using Bot.Core.Articles;
using Bot.Core.Storage;

namespace Bot.IntegrationTests.Support;

/// <summary>An <see cref="IArticleStore"/> in a dictionary, for tests of what sits in front of the store; it follows the same revision rules.</summary>
public sealed class MemoryArticleStore : IArticleStore
{
    private readonly ConcurrentDictionary<string, List<Article>> _versions = new();

    public Task<ImportResult> ImportAsync(Article article, CancellationToken cancellationToken)
    {
        var versions = _versions.GetOrAdd(article.Key, _ => []);
        lock (versions)
        {
            if (versions.Count > 0)
            {
                var latest = versions[^1];
                if (latest.Origin != article.Origin) throw new ArticleOriginConflictException(article.Key, latest.Origin, article.Origin);
                var fingerprint = ArticleFingerprint.Compute(article);
                var verdict = ArticleRevision.Judge(article, fingerprint, ArticleFingerprint.Compute(latest), latest.Retracted);
                if (verdict == ArticleRevision.Verdict.NewUnlessSeen)
                {
                    verdict = versions.Any(v => ArticleRevision.ContentFingerprint(v) == fingerprint)
                        ? ArticleRevision.Verdict.StaysRetracted
                        : ArticleRevision.Verdict.NewVersion;
                }

                if (verdict != ArticleRevision.Verdict.NewVersion)
                {
                    var status = verdict == ArticleRevision.Verdict.Unchanged ? ImportStatus.Unchanged : ImportStatus.Retracted;
                    return Task.FromResult(new ImportResult(article.Key, versions.Count, latest.Title, status));
                }
            }

            versions.Add(article with { Version = versions.Count + 1 });
            return Task.FromResult(new ImportResult(
                article.Key,
                versions.Count,
                article.Title,
                versions.Count == 1 ? ImportStatus.Created : ImportStatus.Updated));
        }
    }

    public Task<Article?> GetAsync(string key, int? version, CancellationToken cancellationToken)
    {
        if (!_versions.TryGetValue(key, out var versions))
        {
            return Task.FromResult<Article?>(null);
        }

        lock (versions)
        {
            return Task.FromResult(version is { } v ? versions.ElementAtOrDefault(v - 1) : versions.LastOrDefault());
        }
    }

    public Task<IReadOnlyList<Article>> ListRecentAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Article>>(_versions.Values
            .Select(v => { lock (v) { return v[^1]; } })
            .OrderByDescending(a => a.Received)
            .Take(limit)
            .ToList());
}
