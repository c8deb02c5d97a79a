using Bot.Core.Storage;

namespace Bot.Host.Sources;

/// <summary>
/// In-process notice that an article version was created or updated, so a worker can react at once
/// instead of waiting for its next poll. A hint, not a queue: the store stays the source of truth, and
/// imports made by other processes (<c>bot import</c>, other hosts) never appear here.
/// </summary>
public interface IArticleFeed
{
    /// <summary>Tells every current subscriber; never blocks, and drops the oldest notice for a slow one.</summary>
    void Publish(ImportResult imported);

    /// <summary>Notices published from now on, until <paramref name="cancellationToken"/> is cancelled.</summary>
    IAsyncEnumerable<ImportResult> SubscribeAsync(CancellationToken cancellationToken);
}
