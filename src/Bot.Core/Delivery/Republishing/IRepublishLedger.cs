namespace Bot.Core.Delivery.Republishing;

/// <summary>What the outbox knows about an article's re-publishes (deliveries with a generation above 0).</summary>
public interface IRepublishLedger
{
    /// <summary>The article's highest re-publish generation over all its versions, or null when it was never re-published.</summary>
    Task<RepublishMark?> GetLatestAsync(string articleKey, CancellationToken cancellationToken);
}
