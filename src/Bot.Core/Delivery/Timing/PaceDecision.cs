namespace Bot.Core.Delivery.Timing;

/// <summary>Whether a send was counted now, and otherwise the earliest time it may go.</summary>
public sealed record PaceDecision(bool Allowed, DateTimeOffset NextAllowedAt);
