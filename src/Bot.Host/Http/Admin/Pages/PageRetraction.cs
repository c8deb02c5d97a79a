using Bot.Core.Articles;
using Bot.Core.Storage;
using Bot.Host.Sources;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>
/// A retraction as <c>bot retract</c> and the admin API make it: a new version marked retracted, planned like any
/// other (so it survives restarts and reaches every host), and announced in-process so this host acts at once.
/// </summary>
public sealed class PageRetraction(IArticleStore articles, IArticleFeed feed, TimeProvider time)
{
    /// <summary>Stores the retracted version of <paramref name="article"/>; null when it was retracted already.</summary>
    public async Task<ImportResult?> RetractAsync(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Retracted)
        {
            return null;
        }

        var result = await articles.ImportAsync(article with { Version = 0, Retracted = true, Received = time.GetUtcNow() }, cancellationToken);
        feed.Publish(result);
        return result;
    }
}
