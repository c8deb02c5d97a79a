namespace Bot.Core.Subscriptions;

public enum SubscriptionOutcome
{
    /// <summary>A request was taken (whatever it did; the answer never reveals whether the address was known).</summary>
    Requested,

    /// <summary>The request named a list that does not exist or an address that is not valid.</summary>
    InvalidRequest,

    Confirmed,

    /// <summary>The confirmation link was used again after it had done its work.</summary>
    AlreadyConfirmed,

    Unsubscribed,

    /// <summary>The link is good and may be acted on: the page a GET shows, with the button that POSTs.</summary>
    ValidLink,

    /// <summary>Forged, garbled or for another purpose.</summary>
    InvalidLink,

    ExpiredLink,

    /// <summary>Valid, but the subscription it was made for has moved on (unsubscribed since, or requested anew).</summary>
    StaleLink,
}
