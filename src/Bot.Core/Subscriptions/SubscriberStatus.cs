namespace Bot.Core.Subscriptions;

/// <summary>Where a subscriber stands; stored as the lower-case name.</summary>
public enum SubscriberStatus
{
    /// <summary>Asked to subscribe, has not followed the confirmation link yet: gets nothing.</summary>
    Pending,

    /// <summary>Receives announcements.</summary>
    Active,

    /// <summary>The mailbox refused mail for good: gets nothing until an admin reactivates it or it is confirmed again.</summary>
    Bounced,

    /// <summary>Left the list: gets nothing until it subscribes and confirms again; an admin's add does not bring it back.</summary>
    Unsubscribed,
}
