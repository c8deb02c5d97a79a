namespace Bot.Core.Subscriptions;

/// <summary>A confirmation mail that has to go out.</summary>
public sealed record ConfirmationRequest(SubscriptionList List, string Email, string? Name, string ConfirmUrl);
