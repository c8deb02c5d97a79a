namespace Bot.Core.Subscriptions;

/// <summary>A mail that answers a subscription request and has to go out.</summary>
/// <param name="Link">The confirm link, or for <see cref="ConfirmationKind.AlreadySubscribed"/> the unsubscribe link.</param>
public sealed record ConfirmationRequest(SubscriptionList List, string Email, string? Name, string Link, ConfirmationKind Kind = ConfirmationKind.Confirm);
