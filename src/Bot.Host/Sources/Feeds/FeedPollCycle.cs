using Bot.Core.Articles;
using Bot.Core.Articles.Feeds;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Sources.Feeds;

/// <summary>
/// One poll of one feed: conditional GET, read, import every item through the <see cref="ArticleImporter"/> under the
/// feed's own namespace (so dedupe, versions, sticky retractions and the dispatcher's notice are those of inbox files,
/// and no other feed's item or newsroom article is ever touched), then remember the validators. The validators are
/// saved only after every item is stored: were the store to fail half-way, the next poll must get the document again
/// rather than a 304.
/// </summary>
public sealed class FeedPollCycle(
    FeedFetcher fetcher,
    FeedStateStore states,
    ArticleImporter importer,
    IArticleStore articles,
    TimeProvider timeProvider,
    ILogger<FeedPollCycle> logger)
{
    /// <summary>Polls <paramref name="feed"/> once from <paramref name="state"/> and returns the state to keep.</summary>
    public async Task<FeedState> PollAsync(FeedOptions feed, FeedState state, CancellationToken cancellationToken)
    {
        var address = FeedAddress.ForLog(feed.Url);
        var fetched = await fetcher.FetchAsync(feed, state, cancellationToken);
        switch (fetched)
        {
            case FeedFetchResult.NotModified:
                FeedLog.NotModified(logger, address);
                return state;
            case FeedFetchResult.Failed failed:
                FeedLog.FetchFailed(logger, address, failed.Reason);
                return state;
        }

        var document = (FeedFetchResult.Fetched)fetched;
        var read = FeedReader.Read(document.Content, document.Charset, new Uri(feed.Url), timeProvider.GetUtcNow());
        if (read is FeedReadResult.Failure failure)
        {
            FeedLog.NotAFeed(logger, address, failure.Reason);
            return state;
        }

        var entries = ((FeedReadResult.Success)read).Entries;
        var items = new List<Article>();
        foreach (var entry in entries)
        {
            switch (entry)
            {
                case FeedEntry.Skipped skipped:
                    FeedLog.ItemSkipped(logger, address, skipped.Item, skipped.Reason);
                    break;
                case FeedEntry.Read { Article: var item }:
                    items.Add(item);
                    break;
            }
        }

        var origin = feed.Origin;
        var passedOver = PassOver(feed, state, items);
        passedOver.UnionWith(await TakenInBeforeAsync(origin, state, items.Where(a => !passedOver.Contains(a.Key)), cancellationToken));
        int created = 0, updated = 0, unchanged = 0;
        foreach (var item in items.Where(a => !passedOver.Contains(a.Key)))
        {
            var article = ((ArticleReadResult.Success)origin.Take(item)).Article;
            ImportResult result;
            try
            {
                result = await importer.ImportArticleAsync($"feed {address}", article, cancellationToken);
            }
            catch (ArticleOriginConflictException e)
            {
                FeedLog.ItemSkipped(logger, address, item.Key, e.Message);
                continue;
            }

            switch (result.Status)
            {
                case ImportStatus.Created: created++; break;
                case ImportStatus.Updated: updated++; break;
                default: unchanged++; break;
            }
        }

        FeedLog.Imported(logger, address, created, updated, unchanged, passedOver.Count);
        var next = new FeedState(document.ETag, document.LastModified, Started: true, [.. passedOver], origin.FeedName);
        await states.SaveAsync(feed.Url, next, cancellationToken);
        return next;
    }

    /// <summary>
    /// Items of a feed already polled under another namespace (renamed, or polled before feeds had namespaces, when
    /// its items were the newsroom's) that were taken in there: announced once already, they are passed over while the
    /// feed lists them, instead of being announced again as new articles. Items new since then are taken in as usual.
    /// </summary>
    private async Task<IEnumerable<string>> TakenInBeforeAsync(
        ArticleOrigin origin, FeedState state, IEnumerable<Article> items, CancellationToken cancellationToken)
    {
        if (!state.Started || state.Namespace == origin.FeedName) return [];

        var previous = state.Namespace is { } name && ArticleOrigin.IsValidFeedName(name) ? ArticleOrigin.Feed(name) : ArticleOrigin.Newsroom;
        var taken = new List<string>();
        foreach (var item in items)
        {
            if (await articles.GetAsync(previous.IdOf(item.Key), null, cancellationToken) is not null) taken.Add(item.Key);
        }

        return taken;
    }

    /// <summary>
    /// The item keys left out under <see cref="FeedOptions.Backlog"/>: on the first successful fetch all but the newest
    /// items, afterwards those of them the feed still lists (an item that drops off is forgotten).
    /// </summary>
    private static HashSet<string> PassOver(FeedOptions feed, FeedState state, List<Article> items)
    {
        var keys = items.Select(a => a.Key).ToList();
        if (!state.Started)
        {
            var backlog = feed.Backlog ?? keys.Count;
            // Entries come oldest first, so the newest are at the end.
            return keys.Take(Math.Max(0, keys.Count - backlog)).ToHashSet(StringComparer.Ordinal);
        }

        return state.PassedOver.Intersect(keys, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
    }
}
