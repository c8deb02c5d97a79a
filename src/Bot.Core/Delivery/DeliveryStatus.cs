namespace Bot.Core.Delivery;

/// <summary>Where a delivery is in its life. Stored in lower case.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its turn (<c>next_attempt_at</c>).</summary>
    Queued,
    /// <summary>Claimed by a dispatcher under a lease.</summary>
    Sending,
    /// <summary>Done; remote ids recorded.</summary>
    Sent,
    /// <summary>A transient failure; retried at <c>next_attempt_at</c>.</summary>
    Failed,
    /// <summary>Attempts exhausted or rejected for good; only an admin puts it back.</summary>
    Dead,
    /// <summary>No longer needed (the article was retracted before it went out, or there is nothing to edit).</summary>
    Cancelled,
    /// <summary>Kept back while its destination is paused.</summary>
    Held,
}
