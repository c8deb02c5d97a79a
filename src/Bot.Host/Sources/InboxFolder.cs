namespace Bot.Host.Sources;

/// <summary>The inbox's naming rules: which files are someone's work in progress, and where a handled file goes.</summary>
public static class InboxFolder
{
    public const string Processed = "processed";
    public const string Rejected = "rejected";
    public const string ReasonExtension = ".reason";

    /// <summary>Dotfiles and the temporary names editors, browsers and copy tools write before renaming.</summary>
    public static bool IsIgnored(string fileName) =>
        fileName.Length == 0
        || fileName.StartsWith('.')
        || fileName.StartsWith('~')
        || fileName.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".part", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A path in <paramref name="folder"/> for <paramref name="fileName"/> that is free, and whose
    /// <c>.reason</c> companion is free too: <c>a.txt</c>, then <c>a-1.txt</c>, <c>a-2.txt</c>, …
    /// </summary>
    public static string FreePath(string folder, string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var extension = Path.GetExtension(fileName);
        for (var n = 0; ; n++)
        {
            var candidate = Path.Combine(folder, n == 0 ? fileName : $"{stem}-{n}{extension}");
            if (!File.Exists(candidate) && !File.Exists(candidate + ReasonExtension) && !Directory.Exists(candidate))
            {
                return candidate;
            }
        }
    }
}
