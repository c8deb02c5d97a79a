using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Bot.Host.Sources.Inbox.Linux;

/// <summary>The inbox's file operations on Linux, each one system call with its exact semantics.</summary>
internal static class LinuxFiles
{
    private const int ENOTDIR = 20;

    // struct statx is 256 bytes with fixed offsets on every architecture (linux/stat.h).
    private const int StatxSize = 256;

    private static readonly Lazy<bool> Supported = new(Probe);

    /// <summary>Whether these calls work here (glibc with statx, or a musl recent enough).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && Supported.Value;

    /// <summary>Looks at <paramref name="path"/> without following a link; null when nothing is there.</summary>
    public static InboxFileFacts? Lstat(string path)
    {
        Span<byte> buffer = stackalloc byte[StatxSize];
        if (Libc.Statx(Libc.AtFdCwd, path, Libc.AtSymlinkNoFollow, Libc.StatxBasicStats, buffer) == 0)
        {
            return Parse(buffer);
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno is Libc.ENOENT or ENOTDIR ? null : throw Failure("cannot look at", path, errno);
    }

    /// <summary>
    /// Opens a regular file for reading. The entry is looked at first, so a FIFO, socket or device is never
    /// opened at all (opening a device can have effects of its own). The open itself neither follows a link
    /// (<c>O_NOFOLLOW</c>) nor waits for a writer (<c>O_NONBLOCK</c>: a FIFO put in the file's place since the
    /// look would otherwise block the reader until a writer came), and what was opened must be the file looked at.
    /// </summary>
    public static InboxOpenResult OpenRegular(string path)
    {
        switch (Lstat(path))
        {
            case null:
                return new InboxOpenResult.Gone();
            case { RefusalReason: { } refused }:
                return new InboxOpenResult.Refused(refused);
            case { } looked:
                return Open(path, looked);
        }
    }

    private static InboxOpenResult Open(string path, InboxFileFacts looked)
    {
        var fd = Libc.Open(path, Libc.OpenReadOnly | Libc.OpenNoFollow | Libc.OpenNonBlocking | Libc.OpenCloseOnExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno switch
            {
                Libc.ENOENT => new InboxOpenResult.Gone(),
                Libc.ELOOP => new InboxOpenResult.Refused(new InboxFileFacts(InboxFileKind.SymbolicLink, 0, default, 0, 0).RefusalReason!),
                _ => throw Failure("cannot open", path, errno),
            };
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        Span<byte> buffer = stackalloc byte[StatxSize];
        if (Libc.Statx(fd, "", Libc.AtEmptyPath, Libc.StatxBasicStats, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw Failure("cannot look at", path, errno);
        }

        var facts = Parse(buffer);
        if (facts.RefusalReason is { } reason || facts.Device != looked.Device || facts.Inode != looked.Inode)
        {
            handle.Dispose();
            return new InboxOpenResult.Refused(facts.RefusalReason ?? "it was replaced while it was being opened");
        }

        return new InboxOpenResult.Opened(handle, facts);
    }

    /// <summary><c>rename(2)</c>: atomic, so of several hosts renaming one file exactly one succeeds. False when <paramref name="from"/> is gone.</summary>
    public static bool TryRename(string from, string to)
    {
        if (Libc.Rename(from, to) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == Libc.ENOENT && Lstat(from) is null ? false : throw Failure("cannot move", from, errno);
    }

    /// <summary>
    /// Moves <paramref name="from"/> to <paramref name="to"/> unless something is already there: <c>link(2)</c>
    /// fails rather than replace, unlike <c>rename(2)</c> and .NET's <c>File.Move</c> (which checks first and then
    /// renames, so two hosts filing two same-named files at once would lose one). Falls back to <c>File.Move</c>
    /// where hard links are not possible (another file system, or one without links).
    /// </summary>
    public static bool TryMoveNoReplace(string from, string to)
    {
        if (Libc.Link(from, to) == 0)
        {
            if (Libc.Unlink(from) != 0 && Marshal.GetLastPInvokeError() is var errno && errno != Libc.ENOENT)
            {
                throw Failure("cannot remove", from, errno);
            }

            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        switch (error)
        {
            case Libc.EEXIST:
                return false;
            case Libc.EXDEV or Libc.EPERM or Libc.EOPNOTSUPP or Libc.ENOSYS or Libc.EMLINK:
                if (Lstat(to) is not null)
                {
                    return false;
                }

                File.Move(from, to, overwrite: false);
                return true;
            default:
                throw Failure("cannot move", from, error);
        }
    }

    /// <summary>The file system type (<c>statfs(2)</c>'s <c>f_type</c>) of <paramref name="path"/>, or null if unknown.</summary>
    public static long? FileSystemType(string path)
    {
        // f_type is the first field of struct statfs, a machine word; the struct is under 128 bytes everywhere.
        Span<byte> buffer = stackalloc byte[256];
        if (Libc.StatFs(path, buffer) != 0)
        {
            return null;
        }

        return IntPtr.Size == 8 ? BinaryPrimitives.ReadInt64LittleEndian(buffer) : BinaryPrimitives.ReadUInt32LittleEndian(buffer);
    }

    private static InboxFileFacts Parse(ReadOnlySpan<byte> statx)
    {
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(statx[28..]);
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(statx[32..]);
        var size = BinaryPrimitives.ReadInt64LittleEndian(statx[40..]);
        var seconds = BinaryPrimitives.ReadInt64LittleEndian(statx[112..]);
        var nanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(statx[120..]);
        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(statx[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(statx[140..]);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => InboxFileKind.Regular,
            0x4000 => InboxFileKind.Directory,
            0xA000 => InboxFileKind.SymbolicLink,
            0x1000 => InboxFileKind.Fifo,
            0xC000 => InboxFileKind.Socket,
            0x2000 or 0x6000 => InboxFileKind.Device,
            _ => InboxFileKind.Other,
        };
        var modified = DateTime.UnixEpoch.AddTicks((seconds * TimeSpan.TicksPerSecond) + (nanoseconds / 100));
        return new InboxFileFacts(kind, size, modified, device, inode);
    }

    private static bool Probe()
    {
        try
        {
            return Lstat("/") is { Kind: InboxFileKind.Directory };
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException or IOException)
        {
            return false;
        }
    }

    private static IOException Failure(string what, string path, int errno) =>
        new($"{what} {Path.GetFileName(path)}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
}
