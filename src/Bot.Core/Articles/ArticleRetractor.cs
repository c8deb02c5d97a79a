using Bot.Core.Storage;

namespace Bot.Core.Articles;

/// <summary>
/// Retracts an article, whichever way an admin asks (<c>bot retract</c>, the admin command set, the pages, the article
/// API): the latest version again, marked retracted, as a new version. The dispatcher plans it like any other (the sent
/// messages are deleted), so it survives restarts and reaches every host; in the store it is the tombstone that keeps
/// the article retracted when the same item arrives again.
/// </summary>
/// <param name="stored">
/// Told of the retracted version once it is stored, so that a host's workers plan it at once; null where no worker
/// runs in the process (a CLI verb), and the next <c>bot run</c> poll plans it.
/// </param>
public sealed class ArticleRetractor(IArticleStore store, TimeProvider time, Action<ImportResult>? stored = null)
{
    public async Task<RetractOutcome> RetractAsync(string id, CancellationToken cancellationToken)
    {
        var article = await store.GetAsync(id, null, cancellationToken);
        if (article is null) return new RetractOutcome.NotFound(id);
        if (article.Retracted) return new RetractOutcome.AlreadyRetracted(article.Key, article.Version);

        var result = await store.ImportAsync(article with { Version = 0, Retracted = true, Received = time.GetUtcNow() }, cancellationToken);
        if (result.Status is not (ImportStatus.Created or ImportStatus.Updated))
        {
            // Another retraction won the race.
            return new RetractOutcome.AlreadyRetracted(result.Key, result.Version);
        }

        stored?.Invoke(result);
        return new RetractOutcome.Retracted(result);
    }
}
