using Bot.Core.Delivery.Store;

namespace Bot.Core.Delivery.Outcomes;

/// <summary>What the outcome policy made of an attempt: the delivery's next state and what else changes.</summary>
public sealed record OutcomeDecision(DeliveryOutcome Record, IReadOnlyList<OutcomeEffect> Effects);
