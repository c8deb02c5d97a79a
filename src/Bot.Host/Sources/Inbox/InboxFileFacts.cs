namespace Bot.Host.Sources.Inbox;

/// <summary>
/// One look at an inbox entry (<c>lstat</c>): its kind, and for a regular file its size, modification time and
/// identity, so that the file opened can be checked to be the file looked at.
/// </summary>
public readonly record struct InboxFileFacts(InboxFileKind Kind, long Length, DateTime LastWriteUtc, ulong Device, ulong Inode)
{
    /// <summary>Why the inbox does not take an entry of this kind; null for a regular file.</summary>
    public string? RefusalReason => Kind switch
    {
        InboxFileKind.Regular => null,
        InboxFileKind.SymbolicLink => "a symbolic link: the inbox takes regular files only and never follows links",
        InboxFileKind.Fifo => "a named pipe (FIFO), not a regular file",
        InboxFileKind.Socket => "a socket, not a regular file",
        InboxFileKind.Device => "a device, not a regular file",
        InboxFileKind.Directory => "a directory, not a regular file",
        _ => "not a regular file",
    };

    /// <summary>Same size and modification time: the writer, if any, has not moved on.</summary>
    public bool SameContentAs(InboxFileFacts other) => Length == other.Length && LastWriteUtc == other.LastWriteUtc;
}
