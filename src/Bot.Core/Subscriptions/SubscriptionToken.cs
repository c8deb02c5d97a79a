namespace Bot.Core.Subscriptions;

/// <summary>What a verified token says: who, which list, what for, and when it was issued and runs out.</summary>
public sealed record SubscriptionToken(
    SubscriptionTokenPurpose Purpose,
    string List,
    string Email,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt);
