namespace Bot.Host.Sources.Inbox;

/// <summary>What an inbox entry is, read without following a symbolic link.</summary>
public enum InboxFileKind
{
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    Socket,
    Device,
    Other,
}
