namespace Bot.Core.Subscriptions;

/// <summary>What a subscription link may do. A token for one purpose is refused for the other.</summary>
public enum SubscriptionTokenPurpose : byte
{
    /// <summary>Double opt-in: turns a pending subscriber active.</summary>
    Confirm = 1,

    /// <summary>Takes a subscriber off a list (the List-Unsubscribe and footer links).</summary>
    Unsubscribe = 2,
}
