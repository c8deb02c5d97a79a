namespace Bot.Host.Sources.Inbox;

/// <summary>
/// Decides when an inbox file is complete, from what the kernel said about it and how it looked: pure, on the
/// instants it is given. A file the kernel saw closed after writing, or renamed in, is due at once. A file known
/// only from a scan (present at start, after lost events, or with no events at all) is due once its size and
/// modification time held still for the settle time. A file the kernel saw created but not yet closed is being
/// written: it waits for its close, and is taken without one only after <see cref="UnsignalledSettle"/> of quiet
/// (a hard link into the inbox is never closed there). Anything but a regular file is due at once, to be refused.
/// </summary>
public sealed class InboxReadiness(TimeSpan settle)
{
    /// <summary>
    /// How long an empty file must stay empty before it is taken (and rejected), closed or not: copy tools and
    /// shells create the file first and write it after, sometimes in a second open.
    /// </summary>
    public static readonly TimeSpan EmptySettle = TimeSpan.FromSeconds(5);

    /// <summary>How long a file created under the watch, and never closed after writing, must hold still.</summary>
    public static readonly TimeSpan UnsignalledSettle = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private enum Signal
    {
        None,
        Created,
        Completed,
    }

    /// <summary>The files known, for tests and logs.</summary>
    public int Count => _entries.Count;

    /// <summary>A scan (or a look after an event) saw the file like this.</summary>
    public void Observe(string name, InboxFileFacts look, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(name, out var entry))
        {
            _entries[name] = new Entry(look, now, Signal.None);
        }
        else if (!entry.Look.SameContentAs(look))
        {
            entry.Look = look;
            entry.Since = now;
        }
    }

    /// <summary>The kernel saw the file created in the folder: someone is writing it there.</summary>
    public void Created(string name, InboxFileFacts look, DateTimeOffset now)
    {
        Observe(name, look, now);
        var entry = _entries[name];
        if (entry.Signal == Signal.None)
        {
            entry.Signal = Signal.Created;
        }
    }

    /// <summary>The kernel saw the file closed after writing, or renamed into the folder: it is whole.</summary>
    public void Completed(string name, InboxFileFacts look, DateTimeOffset now)
    {
        Observe(name, look, now);
        _entries[name].Signal = Signal.Completed;
    }

    /// <summary>
    /// Events were lost: a file seen created may have been closed meanwhile, so it falls back to the settle
    /// time. A close already seen still holds.
    /// </summary>
    public void EventsLost()
    {
        foreach (var entry in _entries.Values.Where(e => e.Signal == Signal.Created))
        {
            entry.Signal = Signal.None;
        }
    }

    public void Forget(string name) => _entries.Remove(name);

    /// <summary>Forgets every file a complete scan did not find.</summary>
    public void KeepOnly(IReadOnlySet<string> present)
    {
        foreach (var gone in _entries.Keys.Where(k => !present.Contains(k)).ToList())
        {
            _entries.Remove(gone);
        }
    }

    /// <summary>The files due at <paramref name="now"/>, oldest first, so a burst is imported in the order it was written.</summary>
    public IReadOnlyList<string> Due(DateTimeOffset now) =>
        _entries
            .Where(e => DueAt(e.Value) <= now)
            .OrderBy(e => e.Value.Look.LastWriteUtc)
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => e.Key)
            .ToList();

    /// <summary>When the next file falls due, if any is waiting.</summary>
    public DateTimeOffset? NextDue() =>
        _entries.Count == 0 ? null : _entries.Values.Min(DueAt);

    private DateTimeOffset DueAt(Entry entry)
    {
        if (entry.Look.Kind != InboxFileKind.Regular)
        {
            // A link or a FIFO is made in one step; it is refused at once, with its reason.
            return entry.Since;
        }

        var empty = entry.Look.Length == 0;
        var quiet = entry.Signal switch
        {
            Signal.Completed => empty ? EmptySettle : TimeSpan.Zero,
            Signal.Created => Max(settle, UnsignalledSettle),
            _ => empty ? Max(settle, EmptySettle) : settle,
        };
        return entry.Since + quiet;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class Entry(InboxFileFacts look, DateTimeOffset since, Signal signal)
    {
        public InboxFileFacts Look { get; set; } = look;

        public DateTimeOffset Since { get; set; } = since;

        public Signal Signal { get; set; } = signal;
    }
}
