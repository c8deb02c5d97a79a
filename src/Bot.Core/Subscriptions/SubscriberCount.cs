namespace Bot.Core.Subscriptions;

/// <summary>How many addresses of one list are in one state.</summary>
public sealed record SubscriberCount(string List, SubscriberStatus Status, long Count);
