using Bot.Core.Delivery;

namespace Bot.Core.Dashboard;

/// <summary>How many deliveries of one article (all its versions and kinds) one destination has in one state.</summary>
public sealed record ArticleDeliveryCount(string ArticleKey, string Destination, DeliveryStatus Status, long Count);
