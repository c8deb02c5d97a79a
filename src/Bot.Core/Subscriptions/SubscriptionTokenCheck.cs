namespace Bot.Core.Subscriptions;

/// <summary>The result of verifying a token; <see cref="Token"/> is set only when it is valid.</summary>
public sealed record SubscriptionTokenCheck(SubscriptionTokenStatus Status, SubscriptionToken? Token)
{
    public bool IsValid => Status == SubscriptionTokenStatus.Valid;

    public static SubscriptionTokenCheck Fail(SubscriptionTokenStatus status) => new(status, null);
}
