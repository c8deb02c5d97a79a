namespace Bot.Core.Delivery.Planning;

/// <summary>What one article version asks for.</summary>
/// <param name="Deliveries">Single deliveries to chats and channels.</param>
/// <param name="FanOuts">Per-recipient deliveries to email lists and to the Telegram private-chat subscribers.</param>
/// <param name="CancelPending">A retraction: announcements, edits and corrections of this article that have not
/// gone out yet are cancelled rather than sent and then deleted.</param>
/// <param name="PatternTimeouts">Destinations whose filter pattern ran out of time on this article.</param>
public sealed record DeliveryPlan(
    IReadOnlyList<PlannedDelivery> Deliveries,
    IReadOnlyList<PlannedFanOut> FanOuts,
    bool CancelPending,
    IReadOnlyList<string> PatternTimeouts)
{
    public bool IsEmpty => Deliveries.Count == 0 && FanOuts.Count == 0 && !CancelPending;
}
