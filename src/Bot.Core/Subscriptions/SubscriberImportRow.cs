namespace Bot.Core.Subscriptions;

/// <summary>One valid row of a subscriber CSV, with the file line it came from.</summary>
public sealed record SubscriberImportRow(int Line, string List, string Email, string? Name);
