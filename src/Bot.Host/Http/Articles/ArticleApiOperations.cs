using Bot.Core.Audit;
using System.Globalization;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Store;
using Bot.Core.Storage;
using Bot.Host.Http.Admin;
using Bot.Host.Sources;

namespace Bot.Host.Http.Articles;

/// <summary>
/// What the article API does, on the paths the rest of the bot uses: a posted body is imported exactly as a
/// <c>.json</c> file in the inbox is (the newsroom's namespace, the same versions and sticky retractions, the
/// dispatcher woken at once), a retraction is <c>bot retract</c>'s. Changes go to the audit log under the API key's name,
/// with the client address as their origin.
/// </summary>
public sealed class ArticleApiOperations(
    ArticleImporter importer,
    ArticleRetractor retractor,
    IArticleStore articles,
    IDeliveryQueries deliveries,
    IDestinationStore destinationStore,
    IAuditLog audit,
    AdminRedactor redactor,
    TimeProvider time)
{
    /// <summary>Deliveries read for one article; a fan-out to more recipients is summarised from its newest ones.</summary>
    public const int MaxDeliveries = 1000;

    /// <param name="origin">The client address, for the audit log.</param>
    public async Task<FileImportOutcome> PostAsync(string actor, string? origin, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var outcome = await importer.ImportJsonAsync(actor, body, cancellationToken);
        if (outcome is FileImportOutcome.Imported { Result: var result } && ArticleImporter.Changed(result.Status))
        {
            var what = result.Status == ImportStatus.Created ? "created" : "updated";
            await AuditAsync(actor, origin, "api-article", result.Key, $"{what} version {result.Version.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        }

        return outcome;
    }

    public async Task<ArticleView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var article = await articles.GetAsync(id, null, cancellationToken);
        if (article is null) return null;

        var rows = await deliveries.ListAsync(new DeliveryQuery(ArticleKey: article.Key, Limit: MaxDeliveries), cancellationToken);
        var destinations = (await destinationStore.ListAsync(cancellationToken)).ToDictionary(d => d.Name, StringComparer.Ordinal);
        var views = rows.GroupBy(r => r.Destination, StringComparer.Ordinal)
            .OrderBy(g => g.Min(r => r.Id))
            .Select(g => DestinationDeliveryView.Of([.. g], destinations.GetValueOrDefault(g.Key), redactor.Redact))
            .ToList();
        return ArticleView.Of(article, views);
    }

    public async Task<RetractOutcome> RetractAsync(string actor, string? origin, string id, CancellationToken cancellationToken)
    {
        var outcome = await retractor.RetractAsync(id, cancellationToken);
        if (outcome is RetractOutcome.Retracted { Version: var result })
        {
            await AuditAsync(actor, origin, "api-retract", result.Key, $"retracted as version {result.Version.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        }

        return outcome;
    }

    private Task AuditAsync(string actor, string? origin, string action, string subject, string detail, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEntry(0, time.GetUtcNow(), actor, action, $"{subject}: {detail}", origin), cancellationToken);
}
