using Bot.Core.Articles;
using Bot.Core.Storage;

namespace Bot.Core.Tests.Support;

/// <summary>Articles by key and version; <see cref="Put"/> stores an exact version, as the dispatcher tests need.</summary>
public sealed class InMemoryArticleStore : IArticleStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, int), Article> _versions = [];

    public void Put(Article article)
    {
        lock (_gate) _versions[(article.Key, article.Version)] = article;
    }

    public Task<ImportResult> ImportAsync(Article article, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var latest = _versions.Keys.Where(k => k.Item1 == article.Key).Select(k => k.Item2).DefaultIfEmpty(0).Max();
            var stored = article with { Version = latest + 1 };
            _versions[(article.Key, stored.Version)] = stored;
            return Task.FromResult(new ImportResult(article.Key, stored.Version, article.Title, latest == 0 ? ImportStatus.Created : ImportStatus.Updated));
        }
    }

    public Task<Article?> GetAsync(string key, int? version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var v = version ?? _versions.Keys.Where(k => k.Item1 == key).Select(k => k.Item2).DefaultIfEmpty(0).Max();
            return Task.FromResult(_versions.GetValueOrDefault((key, v)));
        }
    }

    public Task<IReadOnlyList<Article>> ListRecentAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Article> list = _versions.Values.GroupBy(a => a.Key).Select(g => g.MaxBy(a => a.Version)!).Take(limit).ToList();
            return Task.FromResult(list);
        }
    }
}
