using System.Globalization;
using Bot.Core.Admin;
using Bot.Core.Articles;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Store;
using Bot.Core.Storage;
using Bot.Host.Hosting;
using Bot.Host.Sources;

namespace Bot.Host.Http.Admin;

/// <summary>
/// What the admin API and pages do: pausing, resuming and retrying through <see cref="AdminActions"/>, as the
/// Telegram and Discord commands do, and the rest on the same store methods as the CLI verbs, so the outcome is the
/// same whichever way an admin asks. Every change is written to the audit log under <see cref="Actor"/>.
/// </summary>
public sealed class AdminOperations(
    IArticleStore articles,
    IDeliveryQueries deliveries,
    IDestinationStore destinations,
    IAuditLog audit,
    IDeliveryStatistics statistics,
    DestinationCatalog catalog,
    AdminActions actions,
    IArticleFeed feed,
    StoreReadiness readiness,
    AdminRedactor redactor,
    TimeProvider time)
{
    public const string Actor = "http:admin";

    private const string AuditAction = "http-command";

    /// <summary>The most deliveries one listing returns.</summary>
    public const int MaxList = 1000;

    public async Task<AdminStatusView> StatusAsync(CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            return new AdminStatusView(false, [], AdminDeliveryCounts.Of([]));
        }

        try
        {
            var states = await destinations.ListAsync(cancellationToken);
            var counts = await statistics.CountAsync(cancellationToken);
            var byName = counts.ToLookup(c => c.Destination, StringComparer.Ordinal);
            var rows = Merge(states)
                .Select(d => new AdminDestinationStatus(d.Name, d.Channel, d.Paused, d.Disabled, d.DisabledReason, AdminDeliveryCounts.Of(byName[d.Name])))
                .ToList();
            return new AdminStatusView(true, rows, AdminDeliveryCounts.Of(counts));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The dashboard must answer while the database does not; storeUp says why it is empty.
            return new AdminStatusView(false, [], AdminDeliveryCounts.Of([]));
        }
    }

    public async Task<IReadOnlyList<AdminDestinationView>> DestinationsAsync(CancellationToken cancellationToken) =>
        Merge(await destinations.ListAsync(cancellationToken));

    /// <summary>Pauses or resumes (which also re-enables a disabled destination, as Telegram's /resume does); null for an unknown name.</summary>
    public async Task<AdminDestinationView?> SetPausedAsync(string name, bool paused, CancellationToken cancellationToken)
    {
        var known = paused ? await actions.PauseAsync(name, cancellationToken) : await actions.ResumeAsync(name, cancellationToken);

        await AuditAsync($"{(paused ? "pause" : "resume")} {name}", known ? (paused ? "paused" : "resumed") : "unknown destination", cancellationToken);
        return known
            ? (await DestinationsAsync(cancellationToken)).FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            : null;
    }

    public Task<IReadOnlyList<Article>> RecentArticlesAsync(int limit, CancellationToken cancellationToken) =>
        articles.ListRecentAsync(limit, cancellationToken);

    /// <summary>The article with the deliveries of all its versions; null when unknown.</summary>
    public async Task<AdminArticleDetail?> ArticleAsync(string key, CancellationToken cancellationToken)
    {
        var article = await articles.GetAsync(key, null, cancellationToken);
        if (article is null)
        {
            return null;
        }

        var rows = await deliveries.ListAsync(new DeliveryQuery(ArticleKey: article.Key, Limit: MaxList), cancellationToken);
        return AdminArticleDetail.Of(article, [.. rows.Select(r => AdminDeliveryView.Of(r, redactor))]);
    }

    public async Task<IReadOnlyList<AdminDeliveryView>> DeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken) =>
        [.. (await deliveries.ListAsync(query, cancellationToken)).Select(r => AdminDeliveryView.Of(r, redactor))];

    /// <summary>Puts one dead delivery (or, with null, all) back in the queue; returns how many.</summary>
    public async Task<int> RetryAsync(long? id, CancellationToken cancellationToken)
    {
        var requeued = await actions.RequeueDeadAsync(id, cancellationToken);

        await AuditAsync(id is { } one ? "retry " + one.ToString(CultureInfo.InvariantCulture) : "retry --dead",
            "requeued " + requeued.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return requeued;
    }

    /// <summary>As <c>bot retract</c>: a retraction is a new version, planned like any other, so it survives restarts.</summary>
    public async Task<AdminRetractOutcome> RetractAsync(string key, CancellationToken cancellationToken)
    {
        var article = await articles.GetAsync(key, null, cancellationToken);
        AdminRetractOutcome outcome;
        if (article is null)
        {
            outcome = new AdminRetractOutcome.NotFound(key);
        }
        else if (article.Retracted)
        {
            outcome = new AdminRetractOutcome.AlreadyRetracted(article.Key, article.Version);
        }
        else
        {
            var result = await articles.ImportAsync(article with { Version = 0, Retracted = true, Received = time.GetUtcNow() }, cancellationToken);
            feed.Publish(result);
            outcome = new AdminRetractOutcome.Retracted(result);
        }

        var detail = outcome switch
        {
            AdminRetractOutcome.Retracted r => "retracted as version " + r.Version.Version.ToString(CultureInfo.InvariantCulture),
            AdminRetractOutcome.AlreadyRetracted => "already retracted",
            _ => "not found",
        };
        await AuditAsync("retract " + key, detail, cancellationToken);
        return outcome;
    }

    private Task AuditAsync(string subject, string detail, CancellationToken cancellationToken) =>
        audit.AuditAsync(Actor, AuditAction, subject, detail, time.GetUtcNow(), cancellationToken);

    /// <summary>The configured destinations in configuration order, then any the store still remembers.</summary>
    private List<AdminDestinationView> Merge(IReadOnlyList<DestinationState> states)
    {
        var byName = states.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        var rows = new List<AdminDestinationView>();
        foreach (var destination in catalog.All)
        {
            var state = byName.GetValueOrDefault(destination.Name);
            rows.Add(new AdminDestinationView(
                destination.Name, destination.Channel, AdminRedactor.Address(state?.Address ?? destination.Address), true,
                state?.Paused ?? false, state?.Disabled ?? false, redactor.Redact(state?.DisabledReason)));
        }

        foreach (var state in states.Where(s => catalog.Find(s.Name) is null))
        {
            rows.Add(new AdminDestinationView(
                state.Name, state.Channel, AdminRedactor.Address(state.Address), false, state.Paused, state.Disabled, redactor.Redact(state.DisabledReason)));
        }

        return rows;
    }
}
