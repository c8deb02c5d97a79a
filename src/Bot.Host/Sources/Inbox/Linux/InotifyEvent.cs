namespace Bot.Host.Sources.Inbox.Linux;

/// <summary>One thing the kernel said about the watched folder; <paramref name="Name"/> is the entry's name, when there is one.</summary>
public readonly record struct InotifyEvent(InotifyEventKind Kind, string? Name = null);

public enum InotifyEventKind
{
    /// <summary>An entry appeared that is not complete yet unless it is a link, FIFO or the like (<c>IN_CREATE</c>).</summary>
    Created,

    /// <summary>A writer closed the file (<c>IN_CLOSE_WRITE</c>).</summary>
    ClosedAfterWrite,

    /// <summary>The entry was renamed into the folder, whole (<c>IN_MOVED_TO</c>).</summary>
    MovedIn,

    /// <summary>The kernel's queue overflowed and events were lost (<c>IN_Q_OVERFLOW</c>).</summary>
    Overflow,

    /// <summary>The watch is over: the folder was deleted, moved or unmounted, or reading failed. No event follows.</summary>
    Ended,
}
