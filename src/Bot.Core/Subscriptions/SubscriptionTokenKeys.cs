namespace Bot.Core.Subscriptions;

/// <summary>
/// The key that signs new links and the earlier ones that still verify the links already in mailboxes, so the
/// signing key can change without breaking an unsubscribe link sent months ago.
/// </summary>
public sealed class SubscriptionTokenKeys
{
    public SubscriptionTokenKeys(SubscriptionTokenKey current, IEnumerable<SubscriptionTokenKey>? previous = null)
    {
        Current = current;
        All = [current, .. previous ?? []];
    }

    /// <summary>Signs every new token.</summary>
    public SubscriptionTokenKey Current { get; }

    /// <summary>The current key first, then the previous ones: every key a token may have been signed with.</summary>
    public IReadOnlyList<SubscriptionTokenKey> All { get; }
}
