namespace Bot.Core.Admin;

/// <summary>How admin notices are coalesced (<c>Delivery:AdminNotices</c>).</summary>
public sealed class AdminNoticeOptions
{
    /// <summary>
    /// After a message about a destination, further notices of the same kind for it are counted for this long and
    /// then sent as one message (<c>Delivery:AdminNotices:Window</c>). Default 5 minutes.
    /// </summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Notices waiting to be coalesced beyond this are dropped and counted in the log (<c>:QueueLimit</c>). Default 10,000.</summary>
    public int QueueLimit { get; set; } = 10_000;

    public IEnumerable<string> Validate()
    {
        if (Window <= TimeSpan.Zero) yield return "Delivery:AdminNotices:Window must be positive";
        if (QueueLimit < 1) yield return "Delivery:AdminNotices:QueueLimit must be at least 1";
    }
}
