namespace Bot.Core.Rendering;

/// <summary><c>subscriber</c> in email templates.</summary>
public sealed record SubscriberModel(string Email, string? Name);
