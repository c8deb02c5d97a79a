namespace Bot.Core.Delivery;

/// <summary>The longest-waiting due delivery of a channel: <paramref name="DueAt"/> is when its attempt time came.</summary>
public sealed record OldestDue(string Channel, DateTimeOffset DueAt);
