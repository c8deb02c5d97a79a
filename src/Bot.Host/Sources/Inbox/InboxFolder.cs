using System.Text;

namespace Bot.Host.Sources.Inbox;

/// <summary>
/// The inbox's naming rules: which files are someone's work in progress, where a handled file goes, and the
/// name it goes there under, which no crafted name can turn into a path outside that folder.
/// </summary>
public static class InboxFolder
{
    public const string Processed = "processed";
    public const string Rejected = "rejected";
    public const string ReasonExtension = ".reason";

    /// <summary>Where each host keeps the files it has claimed, one folder per host (a dotfile, so ignored as an article).</summary>
    public const string Claimed = ".claimed";

    /// <summary>
    /// The longest stored name in UTF-8 bytes: file systems allow 255 per name, and a stored name may still get a
    /// <c>-NNNN</c> suffix and its <c>.reason</c> companion.
    /// </summary>
    public const int MaxStoredNameBytes = 255 - 12 - 7;

    // An extension longer than this is not one the reader knows; it is cut with the rest of the name.
    private const int MaxExtensionBytes = 16;

    /// <summary>Dotfiles and the temporary names editors, browsers and copy tools write before renaming.</summary>
    public static bool IsIgnored(string fileName) =>
        fileName.Length == 0
        || fileName.StartsWith('.')
        || fileName.StartsWith('~')
        || fileName.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".part", StringComparison.OrdinalIgnoreCase);

    /// <summary>The inbox's own folders, which are never articles.</summary>
    public static bool IsReserved(string fileName) => fileName is Processed or Rejected;

    /// <summary>
    /// The name a file is stored and logged under: one path component, whatever the name it arrived with.
    /// Separators of any platform and control characters (which could forge log lines or hide in a listing)
    /// become <c>_</c>, and a name too long to take a suffix is shortened, keeping its extension. Names that
    /// need none of this are kept exactly.
    /// </summary>
    public static string SafeName(string fileName)
    {
        var builder = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            builder.Append(c is '/' or '\\' or '\u2028' or '\u2029' || char.IsControl(c) ? '_' : c);
        }

        var safe = builder.ToString();
        if (safe is "" or "." or "..")
        {
            return "_";
        }

        if (Encoding.UTF8.GetByteCount(safe) <= MaxStoredNameBytes)
        {
            return safe;
        }

        var extension = Path.GetExtension(safe);
        if (Encoding.UTF8.GetByteCount(extension) > MaxExtensionBytes)
        {
            extension = "";
        }

        var stem = safe[..^extension.Length];
        var budget = MaxStoredNameBytes - Encoding.UTF8.GetByteCount(extension);
        var cut = 0;
        for (var bytes = 0; cut < stem.Length;)
        {
            var width = char.IsHighSurrogate(stem[cut]) && cut + 1 < stem.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(stem.AsSpan(cut, width));
            if (bytes + size > budget)
            {
                break;
            }

            bytes += size;
            cut += width;
        }

        return stem[..cut] + extension;
    }

    /// <summary>
    /// A path in <paramref name="folder"/> for <paramref name="fileName"/> (made safe first) that is free, and whose
    /// <c>.reason</c> companion is free too: <c>a.txt</c>, then <c>a-1.txt</c>, <c>a-2.txt</c>, … A free name
    /// can be taken by someone else the next moment: a caller that shares the folder moves without replacing
    /// (<see cref="InboxFiles.TryMoveNoReplace"/>) and asks again when it lost.
    /// </summary>
    public static string FreePath(string folder, string fileName)
    {
        var name = SafeName(fileName);
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 0; ; n++)
        {
            var candidate = Path.Combine(folder, n == 0 ? name : $"{stem}-{n}{extension}");
            if (InboxFiles.Look(candidate) is null && InboxFiles.Look(candidate + ReasonExtension) is null)
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// Moves <paramref name="path"/> into <paramref name="folder"/> under <paramref name="name"/> or the next free
    /// variant of it, never replacing a file another host filed there at the same moment; returns where it went.
    /// </summary>
    public static string MoveToFreeName(string path, string folder, string name)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var target = FreePath(folder, name);
            if (InboxFiles.TryMoveNoReplace(path, target))
            {
                return target;
            }
        }

        throw new IOException($"no free name for {SafeName(name)} in {folder}");
    }
}
