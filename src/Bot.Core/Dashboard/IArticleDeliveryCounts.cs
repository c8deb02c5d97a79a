namespace Bot.Core.Dashboard;

/// <summary>Delivery counts per article for the admin pages: one grouped query, however large an article's fan-out.</summary>
public interface IArticleDeliveryCounts
{
    /// <summary>One row per article, destination and state that has any deliveries, for the given article keys.</summary>
    Task<IReadOnlyList<ArticleDeliveryCount>> CountAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken);
}
