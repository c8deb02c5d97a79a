namespace Bot.Core.Subscriptions;

/// <summary>What writing one subscriber did.</summary>
public enum SubscriberChange
{
    /// <summary>A new row.</summary>
    Added,

    /// <summary>An existing row changed status (re-activated, unsubscribed, set pending again).</summary>
    Updated,

    /// <summary>The row was already in the wanted state (its name may have been filled in).</summary>
    Unchanged,

    /// <summary>No such subscriber, or the change does not apply to its state.</summary>
    NotFound,
}
