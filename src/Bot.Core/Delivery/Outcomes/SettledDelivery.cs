namespace Bot.Core.Delivery.Outcomes;

/// <summary>A claimed delivery whose attempt is over and whose outcome waits to be recorded.</summary>
public sealed record SettledDelivery(ClaimedDelivery Delivery, string Channel, OutcomeDecision Decision);
