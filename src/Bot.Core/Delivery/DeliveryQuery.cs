namespace Bot.Core.Delivery;

/// <summary>Which deliveries to list: all filters optional, newest first.</summary>
public sealed record DeliveryQuery(DeliveryStatus? Status = null, string? ArticleKey = null, string? Destination = null, int Limit = 200);
