namespace Bot.Core.Delivery.Planning;

/// <summary>
/// One delivery per recipient of an email list or of the private-chat subscribers, created in batches by ascending
/// id so that a list of any size never sits in memory and an interrupted fan-out resumes from its cursor.
/// </summary>
/// <param name="Generation">As <see cref="PlannedDelivery.Generation"/>.</param>
public sealed record PlannedFanOut(string ArticleKey, int ArticleVersion, string Destination, DeliveryKind Kind, FanOutSource Source, int Generation = 0)
{
    /// <summary>For <see cref="FanOutSource.ChatSubscribers"/>: the article's tags and category in normalised form, which a subscriber's topic must be one of.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
}
