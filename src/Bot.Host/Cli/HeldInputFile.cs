namespace Bot.Host.Cli;

/// <summary>
/// An input file a command reads more than once, held open from the first reading to the last: each reading sees the
/// file as it was opened even when a producer renames a new one over it meanwhile, and a file changed in place (its
/// length or modification time moved) is reported instead of read as something else than what was checked.
/// </summary>
public sealed class HeldInputFile : IDisposable
{
    private readonly FileStream stream;
    private readonly (long Length, DateTime Modified) opened;

    public HeldInputFile(string path)
    {
        Path = path;
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        opened = Stamp();
    }

    public string Path { get; }

    /// <summary>A reader from the file's first byte; disposing it leaves the file open.</summary>
    public TextReader OpenReader()
    {
        stream.Position = 0;
        return new StreamReader(stream, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
    }

    /// <summary>The file from its first byte, for a reading that needs the bytes.</summary>
    public Stream Rewound()
    {
        stream.Position = 0;
        return stream;
    }

    /// <exception cref="UserErrorException">The file was changed in place since it was opened.</exception>
    public void EnsureUnchanged(string consequence)
    {
        if (Stamp() != opened)
        {
            throw new UserErrorException($"{Path} changed while it was being read: {consequence}");
        }
    }

    public void Dispose() => stream.Dispose();

    private (long, DateTime) Stamp() => (RandomAccess.GetLength(stream.SafeFileHandle), File.GetLastWriteTimeUtc(stream.SafeFileHandle));
}
