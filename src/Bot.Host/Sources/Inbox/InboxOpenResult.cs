using Microsoft.Win32.SafeHandles;

namespace Bot.Host.Sources.Inbox;

/// <summary>What came of opening an inbox entry for reading.</summary>
public abstract record InboxOpenResult
{
    /// <summary>A regular file, open for reading; the caller disposes <paramref name="Handle"/>.</summary>
    public sealed record Opened(SafeFileHandle Handle, InboxFileFacts Facts) : InboxOpenResult;

    /// <summary>Not a regular file (a link, a FIFO, a device, …), and never opened as one.</summary>
    public sealed record Refused(string Reason) : InboxOpenResult;

    /// <summary>Nothing there any more.</summary>
    public sealed record Gone : InboxOpenResult;
}
