namespace Bot.Core.Admin;

/// <summary>
/// Keeps a burst from flooding the admins: the first notice of a kind for a destination goes out at once and opens
/// a window; what arrives for the same kind and destination inside the window is only counted, and when the window
/// ends the count goes out as one message and a new window opens. A destination whose hundred deliveries die in a
/// minute therefore costs one message now and one summary per window, not a hundred.
/// </summary>
/// <remarks>Pure: the caller passes the time, so tests drive it with exact instants.</remarks>
public sealed class AdminNoticeCoalescer(TimeSpan window)
{
    private readonly Dictionary<(AdminNoticeKind Kind, string Destination), Window> _windows = [];

    /// <summary>The earliest end of a window that has notices to report; null when nothing waits.</summary>
    public DateTimeOffset? NextDue =>
        _windows.Values.Where(w => w.Count > 0).Select(w => (DateTimeOffset?)w.Ends).Min();

    /// <summary>Takes one notice; returns the digest to send now, or null when it was folded into an open window.</summary>
    public AdminNoticeDigest? Offer(AdminNotice notice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var key = (notice.Kind, notice.Destination.ToUpperInvariant());
        if (_windows.TryGetValue(key, out var open))
        {
            open.Count++;
            open.Latest = notice;
            open.Since ??= now;
            if (open.Ends > now) return null;

            // The window ended before anyone asked for its summary: this notice closes it and goes with it.
            var digest = open.Digest();
            _windows[key] = new Window(now + window);
            return digest;
        }

        _windows[key] = new Window(now + window);
        return new AdminNoticeDigest(notice.Kind, notice.Destination, 1, notice.Detail, now);
    }

    /// <summary>Summaries of the windows that ended by <paramref name="now"/>; each opens a new window, empty ones close.</summary>
    public IReadOnlyList<AdminNoticeDigest> Due(DateTimeOffset now)
    {
        var due = new List<AdminNoticeDigest>();
        foreach (var (key, open) in _windows.ToList())
        {
            if (open.Ends > now) continue;
            if (open.Count == 0)
            {
                _windows.Remove(key);
                continue;
            }

            due.Add(open.Digest());
            _windows[key] = new Window(now + window);
        }

        return due;
    }

    private sealed class Window(DateTimeOffset ends)
    {
        public DateTimeOffset Ends { get; } = ends;

        public int Count { get; set; }

        public AdminNotice? Latest { get; set; }

        public DateTimeOffset? Since { get; set; }

        public AdminNoticeDigest Digest() => new(Latest!.Kind, Latest.Destination, Count, Latest.Detail, Since!.Value);
    }
}
