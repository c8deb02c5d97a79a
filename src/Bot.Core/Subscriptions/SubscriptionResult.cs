namespace Bot.Core.Subscriptions;

/// <summary>What a subscription step did, and for which list (null when the link could not be read).</summary>
/// <param name="Confirmation">For a request: the confirmation mail to send, when one is due.</param>
public sealed record SubscriptionResult(SubscriptionOutcome Outcome, SubscriptionList? List, string? Email = null, ConfirmationRequest? Confirmation = null);
