using Bot.Core.Delivery.Claiming;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Store;
using Bot.Core.Hosts;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Delivery.Planning;

/// <summary>
/// Turns imported article versions into deliveries: each version is claimed in the store first, so that one planner
/// plans it however many hosts run (on PostgreSQL the round itself runs on the one host elected as
/// <see cref="SingletonNames.Planner"/>, see <see cref="Dispatch.DispatchLoop"/>), then planned against its threads' history by the pure <see cref="DeliveryPlanner"/>,
/// its deliveries created (fan-outs page by page) and the version marked planned. Planning a version twice creates
/// nothing more: deliveries are unique.
/// </summary>
public sealed partial class PlanningRound(
    IPlanningStore store,
    IDestinationStore destinations,
    IArticleStore articles,
    DestinationCatalog catalog,
    LeaseClock leases,
    LeaseOwner owner,
    DispatchOptions options,
    DeliverySignal workAvailable,
    TimeProvider time,
    ILogger<PlanningRound> logger,
    IHostSignals? signals = null)
{
    /// <summary>Plans every imported version that is not planned yet; returns how many deliveries were created.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var created = 0;
        while (true)
        {
            var pending = await store.ListUnplannedAsync(32, cancellationToken);
            var planned = 0;
            foreach (var version in pending)
            {
                if (!await store.TryClaimPlanningAsync(version, owner.Name, time.GetUtcNow(), leases.NewLeaseUntil(), cancellationToken)) continue;
                created += await PlanAsync(version, cancellationToken);
                planned++;
            }
            if (planned == 0) return created;
        }
    }

    /// <summary>Plans one article version. Safe to repeat: existing deliveries are left as they are.</summary>
    public async Task<int> PlanAsync(ArticleVersionRef version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var (key, number) = (version.ArticleKey, version.Version);
        var article = await articles.GetAsync(key, number, cancellationToken);
        if (article is null)
        {
            LogArticleMissing(key, number);
            await store.MarkPlannedAsync(version, cancellationToken);
            return 0;
        }

        var disabled = (await destinations.ListAsync(cancellationToken)).Where(s => s.Disabled).Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var planner = new DeliveryPlanner(catalog.All.Where(d => !disabled.Contains(d.Name)));
        var plan = planner.Plan(article, await store.GetHistoryAsync(key, number, cancellationToken));

        foreach (var name in plan.PatternTimeouts)
        {
            LogPatternTimeout(name, key, number);
        }
        if (plan.CancelPending)
        {
            var cancelled = await store.CancelPendingAsync(key, "article retracted", cancellationToken);
            if (cancelled > 0) LogCancelledOnRetraction(key, cancelled);
        }

        var created = await store.AddAsync(plan.Deliveries, cancellationToken);
        if (created > 0) Announce();
        foreach (var fanOut in plan.FanOuts)
        {
            for (var cursor = 0L; ;)
            {
                var page = await store.FanOutAsync(fanOut, cursor, options.FanOutPageSize, cancellationToken);
                created += page.Created;
                if (page.Created > 0) Announce();
                cursor = page.NextCursor;
                if (page.Done) break;
            }
        }

        await store.MarkPlannedAsync(version, cancellationToken);
        LogPlanned(key, number, created);
        return created;
    }

    // This host claims at once; the others hear of it through the store.
    private void Announce()
    {
        workAvailable.Notify();
        signals?.Publish(HostTopics.Work);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Planned {ArticleKey} v{Version}: {Created} new deliveries")]
    private partial void LogPlanned(string articleKey, int version, int created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {ArticleKey} v{Version} is not in the store; nothing planned")]
    private partial void LogArticleMissing(string articleKey, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The filter pattern of destination {Destination} timed out on {ArticleKey} v{Version}; treated as no match")]
    private partial void LogPatternTimeout(string destination, string articleKey, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retraction of {ArticleKey} cancelled {Count} deliveries not yet sent")]
    private partial void LogCancelledOnRetraction(string articleKey, int count);
}
