using Bot.Core.Storage;

namespace Bot.Host.Sources;

/// <summary>
/// Retracts an article for <c>bot retract</c> and <c>POST /api/articles/{id}/retract</c>: the latest version again,
/// marked retracted, as a new version. The dispatcher plans it like any other (the sent messages are deleted), so it
/// survives restarts and reaches every host; in the store it is the tombstone that keeps the article retracted when
/// the same item arrives again.
/// </summary>
public sealed class ArticleRetractor(IArticleStore store, IArticleFeed feed, TimeProvider time)
{
    public async Task<RetractOutcome> RetractAsync(string id, CancellationToken cancellationToken)
    {
        var article = await store.GetAsync(id, null, cancellationToken);
        if (article is null) return new RetractOutcome.NotFound(id);
        if (article.Retracted) return new RetractOutcome.AlreadyRetracted(article.Key, article.Version);

        var result = await store.ImportAsync(article with { Version = 0, Retracted = true, Received = time.GetUtcNow() }, cancellationToken);
        if (!ArticleImporter.Changed(result.Status))
        {
            // Another retraction won the race.
            return new RetractOutcome.AlreadyRetracted(result.Key, result.Version);
        }

        feed.Publish(result);
        return new RetractOutcome.Retracted(result);
    }
}
