using Bot.Host.Sources.Inbox.Linux;

namespace Bot.Host.Sources.Inbox;

/// <summary>
/// The inbox's file operations: Linux system calls where they work (<see cref="LinuxFiles"/>), .NET's portable
/// calls elsewhere. Only Linux tells a FIFO or a device from a regular file; elsewhere links are still refused.
/// </summary>
public static class InboxFiles
{
    /// <summary>One look at <paramref name="path"/>, not following a link; null when nothing is there.</summary>
    public static InboxFileFacts? Look(string path)
    {
        if (LinuxFiles.IsSupported)
        {
            return LinuxFiles.Lstat(path);
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return new InboxFileFacts(InboxFileKind.SymbolicLink, 0, default, 0, 0);
        }

        if (Directory.Exists(path))
        {
            return new InboxFileFacts(InboxFileKind.Directory, 0, default, 0, 0);
        }

        return info.Exists ? new InboxFileFacts(InboxFileKind.Regular, info.Length, info.LastWriteTimeUtc, 0, 0) : null;
    }

    /// <summary>Opens a regular file for reading; never follows a link and never blocks on a FIFO.</summary>
    public static InboxOpenResult OpenRegular(string path)
    {
        if (LinuxFiles.IsSupported)
        {
            return LinuxFiles.OpenRegular(path);
        }

        switch (Look(path))
        {
            case null:
                return new InboxOpenResult.Gone();
            case { RefusalReason: { } reason }:
                return new InboxOpenResult.Refused(reason);
        }

        try
        {
            var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new InboxOpenResult.Opened(handle, Look(path) ?? default);
        }
        catch (FileNotFoundException)
        {
            return new InboxOpenResult.Gone();
        }
    }

    /// <summary>
    /// Renames atomically (the claim: of several hosts renaming one file, exactly one succeeds); the caller makes
    /// sure <paramref name="to"/> is free. False when <paramref name="from"/> is gone.
    /// </summary>
    public static bool TryRename(string from, string to)
    {
        if (LinuxFiles.IsSupported)
        {
            return LinuxFiles.TryRename(from, to);
        }

        try
        {
            File.Move(from, to, overwrite: false);
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Moves a file unless something already has the name <paramref name="to"/>; false when it has.</summary>
    public static bool TryMoveNoReplace(string from, string to)
    {
        if (LinuxFiles.IsSupported)
        {
            return LinuxFiles.TryMoveNoReplace(from, to);
        }

        if (File.Exists(to) || Directory.Exists(to))
        {
            return false;
        }

        try
        {
            File.Move(from, to, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(to))
        {
            return false;
        }
    }
}
