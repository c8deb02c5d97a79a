namespace Bot.Host.Sources.Inbox.Linux;

/// <summary>
/// File systems whose files other machines write: inotify only sees what this kernel did, so on these the inbox
/// polls. Known by <c>statfs(2)</c>'s <c>f_type</c> (linux/magic.h and the file systems' own headers).
/// </summary>
public static class NetworkFileSystems
{
    private static readonly Dictionary<long, string> Names = new()
    {
        [0x6969] = "NFS",
        [0x517B] = "SMB",
        [0xFF534D42] = "CIFS",
        [0xFE534D42] = "SMB2",
        [0x01021997] = "9P",
        [0x65735546] = "FUSE",
        [0x00C36400] = "Ceph",
        [0x5346414F] = "AFS",
        [0x6B414653] = "AFS",
        [0x73757245] = "Coda",
        [0x564C] = "NCP",
        [0x01161970] = "GFS2",
        [0x7461636F] = "OCFS2",
        [0x0BD00BD0] = "Lustre",
    };

    /// <summary>The name of the network file system <paramref name="path"/> lives on, or null when it is local (or unknown).</summary>
    public static string? Of(string path) =>
        LinuxFiles.IsSupported && LinuxFiles.FileSystemType(path) is { } type && Names.TryGetValue(type, out var name) ? name : null;
}
