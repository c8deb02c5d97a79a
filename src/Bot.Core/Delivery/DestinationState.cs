namespace Bot.Core.Delivery;

/// <summary>What the store remembers about a destination across restarts.</summary>
/// <param name="Address">The address in use: the configured one, or where the platform said the target moved.</param>
public sealed record DestinationState(string Name, string Channel, string Address, bool Paused, bool Disabled, string? DisabledReason);
