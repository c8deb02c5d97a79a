namespace Bot.Host.Sources.Inbox;

/// <summary>How the inbox learns that a file is complete (<c>Sources:InboxWatch</c>).</summary>
public enum InboxWatchMode
{
    /// <summary>The kernel's events where they can be had (Linux, a local file system), else <see cref="Poll"/>.</summary>
    Auto,

    /// <summary>The kernel's events (inotify); the host does not start without them.</summary>
    Notify,

    /// <summary>Rescans only: a file is taken once its size and time held still for <c>Sources:InboxSettle</c>.</summary>
    Poll,
}
