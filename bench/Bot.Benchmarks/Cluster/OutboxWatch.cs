using System.Collections.Concurrent;
using System.Diagnostics;
using Bot.IntegrationTests.ScaleOut;

namespace Bot.Benchmarks.Cluster;

/// <summary>
/// The first file each article's dry <c>email</c> sends leave in any host's outbox, seen by a file system watcher on
/// every host's <c>data/outbox/email</c>: the moment of the send and the host that made it.
/// </summary>
internal sealed class OutboxWatch : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly string _prefix;

    public OutboxWatch(IEnumerable<ClusterHost> hosts, string articlePrefix)
    {
        _prefix = articlePrefix;
        foreach (var host in hosts)
        {
            var folder = Directory.CreateDirectory(host.Folder.Combine("data", "outbox", "email")).FullName;
            var watcher = new FileSystemWatcher(folder) { NotifyFilter = NotifyFilters.FileName };
            watcher.Created += (_, e) => Seen(e.Name, host.Name);
            watcher.Renamed += (_, e) => Seen(e.Name, host.Name);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Article id to the <see cref="Stopwatch"/> timestamp of its first send and the host that sent it.</summary>
    public ConcurrentDictionary<string, (long At, string Host)> FirstSends { get; } = new(StringComparer.Ordinal);

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
    }

    // Dry files are named <time>-<destination>-<article-slug>-v<version>-<part>.json; the ids here are slugs already.
    private void Seen(string? name, string host)
    {
        var at = Stopwatch.GetTimestamp();
        var start = name?.IndexOf(_prefix, StringComparison.Ordinal) ?? -1;
        if (start < 0) return;
        var end = name!.IndexOf("-v", start + _prefix.Length, StringComparison.Ordinal);
        if (end < 0) return;
        FirstSends.TryAdd(name[start..end], (at, host));
    }
}
