namespace Bot.Core.Subscriptions;

/// <summary>What an admin's add (<c>bot subscribers add</c> or <c>import</c>) did to one address.</summary>
public enum SubscriberAdd
{
    /// <summary>A new row, active at once.</summary>
    Added,

    /// <summary>A pending address made active: the admin vouches for it.</summary>
    Activated,

    /// <summary>Already active (its name may have been filled in).</summary>
    Unchanged,

    /// <summary>The address left the list; it comes back only through its own double opt-in, so nothing changed.</summary>
    KeptUnsubscribed,

    /// <summary>The mailbox refused mail for good; only <c>bot subscribers reactivate</c> brings it back, so nothing changed.</summary>
    KeptBounced,
}
