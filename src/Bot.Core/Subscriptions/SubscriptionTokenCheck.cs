namespace Bot.Core.Subscriptions;

/// <summary>
/// The result of verifying a token. <see cref="Token"/> is set whenever the signature is good, also for an
/// expired or misused token (to word the answer in the list's language); act on it only when <see cref="IsValid"/>.
/// </summary>
public sealed record SubscriptionTokenCheck(SubscriptionTokenStatus Status, SubscriptionToken? Token)
{
    public bool IsValid => Status == SubscriptionTokenStatus.Valid;

    public static SubscriptionTokenCheck Fail(SubscriptionTokenStatus status) => new(status, null);
}
