namespace Bot.Core.Delivery.Planning;

/// <summary>
/// One page of a fan-out: the deliveries for a batch of recipients read in ascending id order after a cursor,
/// and the cursor to read the next page from. A page shorter than asked for is the last.
/// </summary>
public sealed record FanOutBatch(IReadOnlyList<PlannedDelivery> Deliveries, long NextCursor, bool Done)
{
    public static FanOutBatch From(PlannedFanOut fanOut, long cursor, IReadOnlyList<FanOutRecipient> page, int pageSize)
    {
        var deliveries = new List<PlannedDelivery>(page.Count);
        var next = cursor;
        foreach (var recipient in page)
        {
            if (recipient.Id <= next)
            {
                throw new ArgumentException("recipients must come in ascending id order after the cursor", nameof(page));
            }
            next = recipient.Id;
            deliveries.Add(new PlannedDelivery(fanOut.ArticleKey, fanOut.ArticleVersion, fanOut.Destination,
                NormalizeAddress(recipient.Email), fanOut.Kind, fanOut.Generation));
        }
        return new FanOutBatch(deliveries, next, page.Count < pageSize);
    }

    /// <summary>The form a recipient address is stored in, so one mailbox is one recipient whatever its letter case.</summary>
    public static string NormalizeAddress(string email) => email.Trim().ToLowerInvariant();
}
