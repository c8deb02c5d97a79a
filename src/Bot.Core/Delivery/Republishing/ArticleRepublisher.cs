using Bot.Core.Audit;
using System.Globalization;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Planning;
using Bot.Core.Delivery.Store;
using Bot.Core.Storage;

namespace Bot.Core.Delivery.Republishing;

/// <summary>
/// Announces an article's latest version again to every enabled destination whose filter matches, as new
/// deliveries even where it went out before. Each re-publish is a new generation of the delivery key, so the
/// store's uniqueness still makes each one happen once. Each copy is a thread of its own that later corrections edit
/// and a retraction deletes, like the original. A second request within <see cref="DoubleTapWindow"/> of the last is
/// taken for a double tap (or a command delivered twice) and queues nothing.
/// </summary>
public sealed class ArticleRepublisher(
    IArticleStore articles,
    IPlanningStore deliveries,
    IDestinationStore destinations,
    IAuditLog audit,
    IRepublishLedger ledger,
    DestinationCatalog catalog,
    DeliverySignal workAvailable,
    TimeProvider time)
{
    /// <summary>How long after a re-publish another one of the same article counts as the same request.</summary>
    public static readonly TimeSpan DoubleTapWindow = TimeSpan.FromMinutes(1);

    public async Task<RepublishResult> RepublishAsync(string articleKey, string actor, CancellationToken cancellationToken)
    {
        var article = await articles.GetAsync(articleKey, null, cancellationToken);
        if (article is null) return new RepublishResult.NotFound(articleKey);
        if (article.Retracted) return new RepublishResult.Retracted(article.Key);

        var now = time.GetUtcNow();
        var last = await ledger.GetLatestAsync(article.Key, cancellationToken);
        if (last is not null && now - last.CreatedAt < DoubleTapWindow)
        {
            return new RepublishResult.AlreadyQueued(article.Key, last.Generation, last.CreatedAt);
        }

        var disabled = (await destinations.ListAsync(cancellationToken)).Where(s => s.Disabled).Select(s => s.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Planned as if never announced: the filters decide, and every match gets an announcement.
        var plan = new DeliveryPlanner(catalog.All.Where(d => !disabled.Contains(d.Name))).Plan(article, AnnouncementHistory.Empty);
        var targets = plan.Deliveries.Count + plan.FanOuts.Count;
        if (targets == 0) return new RepublishResult.NoDestination(article.Key);

        var generation = (last?.Generation ?? 0) + 1;
        var created = await deliveries.AddAsync([.. plan.Deliveries.Select(d => d with { Generation = generation })], cancellationToken);
        foreach (var fanOut in plan.FanOuts.Select(f => f with { Generation = generation }))
        {
            for (var cursor = 0L; ;)
            {
                var page = await deliveries.FanOutAsync(fanOut, cursor, 1000, cancellationToken);
                created += page.Created;
                cursor = page.NextCursor;
                if (page.Done) break;
            }
        }

        workAvailable.Notify();
        await audit.AuditAsync(actor, "article-republished", article.Key,
            string.Create(CultureInfo.InvariantCulture, $"v{article.Version} generation {generation}: {created} deliveries to {targets} destinations"),
            now, cancellationToken);
        return new RepublishResult.Queued(article.Key, article.Version, generation, targets, created);
    }
}
