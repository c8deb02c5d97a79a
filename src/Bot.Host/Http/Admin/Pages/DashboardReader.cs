using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Dashboard;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Store;
using Bot.Core.Rendering;
using Bot.Core.Storage;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>
/// Reads what the admin pages show, straight from the stores: destinations merged with configuration, delivery
/// tallies by one grouped query per page (never a row per recipient), the newest rows of each destination, and
/// previews from the same renderer the dispatcher uses.
/// </summary>
public sealed class DashboardReader(
    IArticleStore articles,
    IDeliveryQueries deliveries,
    IDestinationStore destinations,
    IDeliveryStatistics statistics,
    IArticleDeliveryCounts counts,
    DestinationCatalog catalog,
    IMessageRenderer renderer)
{
    public const int ArticlesShown = 30;
    public const int DeadShown = 50;
    public const int RowsPerDestination = 20;

    /// <summary>The recipient an email preview is written for; the unsubscribe link in it leads nowhere.</summary>
    public static readonly EmailRecipient PreviewRecipient = new("reader@example.invalid", null, "https://example.invalid/unsubscribe?token=preview");

    /// <summary>The configured destinations in configuration order, then any the store still remembers.</summary>
    public async Task<IReadOnlyList<DestinationRow>> DestinationsAsync(CancellationToken cancellationToken)
    {
        var states = (await destinations.ListAsync(cancellationToken)).ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        var rows = new List<DestinationRow>();
        foreach (var d in catalog.All)
        {
            var s = states.GetValueOrDefault(d.Name);
            rows.Add(new DestinationRow(d.Name, d.Channel, s?.Address ?? d.Address, true, s?.Paused ?? false, s?.Disabled ?? false, s?.DisabledReason));
        }

        rows.AddRange(states.Values.Where(s => catalog.Find(s.Name) is null)
            .Select(s => new DestinationRow(s.Name, s.Channel, s.Address, false, s.Paused, s.Disabled, s.DisabledReason)));
        return rows;
    }

    public async Task<OverviewModel> OverviewAsync(CancellationToken cancellationToken)
    {
        var destinations = await DestinationsAsync(cancellationToken);
        var tallies = (await statistics.CountAsync(cancellationToken))
            .GroupBy(c => c.Destination, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Aggregate(ChannelTally.Zero, (t, c) => t.Add(c.Status, c.Count)), StringComparer.OrdinalIgnoreCase);
        var dead = await deliveries.ListAsync(new DeliveryQuery(DeliveryStatus.Dead, Limit: DeadShown), cancellationToken);
        return new OverviewModel(destinations, tallies, dead);
    }

    public async Task<ArticleListModel> ArticleListAsync(CancellationToken cancellationToken)
    {
        var recent = await articles.ListRecentAsync(ArticlesShown, cancellationToken);
        var destinations = await DestinationsAsync(cancellationToken);
        var channelOf = destinations.ToDictionary(d => d.Name, d => d.Channel, StringComparer.OrdinalIgnoreCase);
        var rows = await counts.CountAsync([.. recent.Select(a => a.Key)], cancellationToken);

        var tallies = new Dictionary<(string, string), ChannelTally>();
        foreach (var row in rows)
        {
            var slot = (row.ArticleKey, channelOf.GetValueOrDefault(row.Destination) ?? "other");
            tallies[slot] = (tallies.GetValueOrDefault(slot) ?? ChannelTally.Zero).Add(row.Status, row.Count);
        }

        var used = catalog.All.Select(d => d.Channel).Concat(tallies.Keys.Select(k => k.Item2)).ToHashSet(StringComparer.Ordinal);
        var channels = ChannelNames.All.Where(used.Contains).Concat(used.Where(c => !ChannelNames.All.Contains(c)).Order(StringComparer.Ordinal)).ToList();
        return new ArticleListModel(recent, channels, tallies);
    }

    /// <summary>The latest version of the article with its deliveries and previews; null when unknown.</summary>
    public async Task<ArticlePageModel?> ArticleAsync(string key, CancellationToken cancellationToken)
    {
        var article = await articles.GetAsync(key, null, cancellationToken);
        if (article is null)
        {
            return null;
        }

        var destinations = await DestinationsAsync(cancellationToken);
        var byDestination = (await counts.CountAsync([article.Key], cancellationToken))
            .GroupBy(c => c.Destination, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);

        var sections = new List<DestinationDeliveries>();
        foreach (var d in destinations.Where(d => byDestination.ContainsKey(d.Name)))
        {
            var rows = byDestination[d.Name];
            var recent = await deliveries.ListAsync(new DeliveryQuery(ArticleKey: article.Key, Destination: d.Name, Limit: RowsPerDestination), cancellationToken);
            sections.Add(new DestinationDeliveries(d, rows.Aggregate(ChannelTally.Zero, (t, c) => t.Add(c.Status, c.Count)), rows.Sum(c => c.Count), recent));
        }

        return new ArticlePageModel(article, sections, [.. catalog.All.Select(d => Preview(article, d))]);
    }

    /// <summary>The email a configured email destination sends for the article, written for <see cref="PreviewRecipient"/>.</summary>
    public async Task<EmailMessage?> EmailAsync(string key, string destination, CancellationToken cancellationToken)
    {
        var article = await articles.GetAsync(key, null, cancellationToken);
        var target = catalog.Find(destination);
        return article is null || target is null || target.Channel != ChannelNames.Email
            ? null
            : renderer.Render(article, target, PreviewRecipient) as EmailMessage;
    }

    public Task<Article?> LatestAsync(string key, CancellationToken cancellationToken) => articles.GetAsync(key, null, cancellationToken);

    private ChannelPreview Preview(Article article, Destination destination)
    {
        var matches = new DestinationFilterMatcher(destination.Filter).Matches(article);
        try
        {
            return new ChannelPreview(destination, matches,
                renderer.Render(article, destination, destination.Channel == ChannelNames.Email ? PreviewRecipient : null), null);
        }
        catch (Exception e) when (e is TemplateCatalogException or ArgumentException or InvalidOperationException or TelegramHtmlException)
        {
            return new ChannelPreview(destination, matches, null, e.Message);
        }
    }
}
