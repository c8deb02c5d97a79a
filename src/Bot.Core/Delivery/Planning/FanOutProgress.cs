namespace Bot.Core.Delivery.Planning;

/// <summary>What one fan-out page did: deliveries newly created, where the next page starts, whether that was the last.</summary>
public sealed record FanOutProgress(int Created, long NextCursor, bool Done);
