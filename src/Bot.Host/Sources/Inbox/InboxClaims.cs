using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Sources.Inbox;

/// <summary>
/// This host's claim folder, <c>.claimed/HOST/</c> in the inbox. A file is taken in by renaming it there first:
/// a rename is atomic, so of several hosts watching one folder exactly one gets each file, and the others find
/// it gone. It leaves the folder for <c>processed/</c> or <c>rejected/</c>.
/// <para>
/// A host that dies must not strand what it claimed. Each host renews its folder's modification time every
/// quarter of the claim timeout; another host that sees a folder's time unchanged for the whole timeout, by its
/// own clock (so clocks need not agree), or whose owner file names a process on this machine that is no longer
/// running, claims the files in it for itself and takes them in. Importing a file twice is harmless: the store
/// finds the same content and changes nothing.
/// </para>
/// </summary>
public sealed partial class InboxClaims(string inbox, string hostName, TimeSpan timeout, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>In each claim folder: the machine name and process id of its host, one per line.</summary>
    public const string OwnerFile = ".owner";

    private readonly string _root = Path.Combine(inbox, InboxFolder.Claimed);
    private readonly Dictionary<string, Sighting> _others = new(StringComparer.Ordinal);

    /// <summary>This host's folder.</summary>
    public string Folder { get; } = Path.Combine(inbox, InboxFolder.Claimed, FolderName(hostName));

    /// <summary>How often this host renews its folder and looks at the others'.</summary>
    public TimeSpan RenewalPeriod => timeout / 4;

    /// <summary>
    /// The folder name for a host name: the name itself when it is plain (letters, digits, <c>-</c>, <c>_</c>),
    /// else its plain characters and a hash, so that no name reaches outside <c>.claimed/</c> and two names never share a folder.
    /// </summary>
    public static string FolderName(string hostName)
    {
        var plain = new string(hostName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(64).ToArray());
        if (plain == hostName)
        {
            return plain;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hostName)))[..8];
        return $"{plain}-{hash}";
    }

    /// <summary>Creates this host's folder and returns what a previous run under the same name left claimed in it.</summary>
    public IReadOnlyList<string> Open()
    {
        Renew();
        WriteOwner();
        return ClaimedFiles(Folder);
    }

    /// <summary>Claims an inbox file for this host; its path in the claim folder, or null when another host (or someone) took it first.</summary>
    public string? TryClaim(string name)
    {
        EnsureFolder();
        var target = InboxFolder.FreePath(Folder, name);
        return InboxFiles.TryRename(Path.Combine(inbox, name), target) ? target : null;
    }

    /// <summary>Puts a claimed file back in the inbox, under a free name, for any host to take.</summary>
    public void Release(string claimedPath) => InboxFolder.MoveToFreeName(claimedPath, inbox, Path.GetFileName(claimedPath));

    /// <summary>Tells the other hosts that this one is alive (and brings the folder back if someone tidied it away).</summary>
    public void Renew()
    {
        EnsureFolder();
        Directory.SetLastWriteTimeUtc(Folder, timeProvider.GetUtcNow().UtcDateTime);
    }

    /// <summary>Claims for this host the files of every host found gone; returns their paths in this host's folder.</summary>
    public IReadOnlyList<string> RecoverFromLostHosts()
    {
        var now = timeProvider.GetUtcNow();
        var recovered = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(_root))
        {
            if (folder == Folder || InboxFiles.Look(folder) is not { Kind: InboxFileKind.Directory })
            {
                continue;
            }

            seen.Add(folder);
            if (LostBecause(folder, now) is not { } why)
            {
                continue;
            }

            var files = ClaimedFiles(folder).Select(TakeOver).OfType<string>().ToList();
            recovered.AddRange(files);
            LogRecovered(logger, Path.GetFileName(folder), why, files.Count);
            RemoveFolder(folder);
            _others.Remove(folder);
        }

        foreach (var gone in _others.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _others.Remove(gone);
        }

        return recovered;
    }

    /// <summary>At stop: every file this host still holds goes back to the inbox, and its folder goes.</summary>
    public void Close()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (var file in ClaimedFiles(Folder))
        {
            Release(file);
        }

        RemoveFolder(Folder);
    }

    private string? LostBecause(string folder, DateTimeOffset now)
    {
        if (ReadOwner(folder) is { } owner && owner.Machine == Environment.MachineName && !IsRunning(owner.ProcessId))
        {
            return $"its process {owner.ProcessId} on this machine is gone";
        }

        var stamp = Directory.GetLastWriteTimeUtc(folder);
        if (!_others.TryGetValue(folder, out var sighting) || sighting.Stamp != stamp)
        {
            _others[folder] = new Sighting(stamp, now);
            return null;
        }

        return now - sighting.Since >= timeout ? $"it has not renewed its claims for {timeout}" : null;
    }

    private string? TakeOver(string claimedPath)
    {
        var target = InboxFolder.FreePath(Folder, Path.GetFileName(claimedPath));
        return InboxFiles.TryRename(claimedPath, target) ? target : null;
    }

    private void EnsureFolder()
    {
        if (Directory.Exists(Folder))
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        WriteOwner();
    }

    private void WriteOwner() =>
        File.WriteAllText(Path.Combine(Folder, OwnerFile), $"{Environment.MachineName}\n{Environment.ProcessId}\n");

    private static IReadOnlyList<string> ClaimedFiles(string folder) =>
        Directory.EnumerateFileSystemEntries(folder)
            .Where(path => Path.GetFileName(path) != OwnerFile && InboxFiles.Look(path) is { Kind: not InboxFileKind.Directory })
            .Order(StringComparer.Ordinal)
            .ToList();

    private static (string Machine, int ProcessId)? ReadOwner(string folder)
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(folder, OwnerFile));
            return lines.Length >= 2 && int.TryParse(lines[1], out var pid) ? (lines[0], pid) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void RemoveFolder(string folder)
    {
        try
        {
            File.Delete(Path.Combine(folder, OwnerFile));
            Directory.Delete(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not empty: a file arrived meanwhile, and the next round takes it.
        }
    }

    private sealed record Sighting(DateTime Stamp, DateTimeOffset Since);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox: host folder {Folder} is abandoned ({Why}); {Count} claimed file(s) taken over")]
    private static partial void LogRecovered(ILogger logger, string folder, string why, int count);
}
