namespace Bot.Core.Delivery.Planning;

/// <summary>What a destination has had of an article so far, across all its versions.</summary>
public enum AnnouncementState
{
    /// <summary>No announcement, or only cancelled or dead ones.</summary>
    None,
    /// <summary>An announcement is queued, held, retrying or in flight.</summary>
    Pending,
    /// <summary>An announcement went out (for an email list: to at least one recipient).</summary>
    Sent,
}
