namespace Bot.Core.Subscriptions;

/// <summary>A CSV line that was not imported, and why.</summary>
public sealed record SubscriberCsvIssue(int Line, string Message);
