namespace Bot.Core.Subscriptions;

/// <summary>Where a subscriber stands; stored as the lower-case name.</summary>
public enum SubscriberStatus
{
    /// <summary>Asked to subscribe, has not followed the confirmation link yet: gets nothing.</summary>
    Pending,

    /// <summary>Receives announcements.</summary>
    Active,

    /// <summary>The mailbox refused mail for good: gets nothing until re-added or re-confirmed.</summary>
    Bounced,

    /// <summary>Left the list: gets nothing until re-added or re-confirmed.</summary>
    Unsubscribed,
}
