using System.Threading.Channels;
using Bot.Core.Articles;
using Bot.Host.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Sources;

/// <summary>
/// Imports article files that appear in <see cref="SourcesOptions.Inbox"/> and moves each to
/// <c>processed/</c>, or to <c>rejected/</c> with a <c>.reason</c> file. A file is taken only when its
/// size and modification time held still across two looks and it can be opened exclusively: a half-written
/// file read early would be imported truncated and then never again (its name is gone from the inbox).
/// Watcher events only wake the loop early; the periodic rescan is what guarantees nothing is missed,
/// since inotify drops events on overflow and some file systems send none.
/// </summary>
public sealed partial class InboxWatcher(
    ArticleImporter importer,
    StoreReadiness readiness,
    IOptions<SourcesOptions> options,
    TimeProvider timeProvider,
    ILogger<InboxWatcher> logger) : BackgroundService
{
    /// <summary>How long a file's size and modification time must hold still before it is read.</summary>
    public static readonly TimeSpan StableFor = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long an empty file must stay empty before it is taken (and rejected): copy tools and shells
    /// create the file first and write it after, sometimes much later than <see cref="StableFor"/>.
    /// </summary>
    public static readonly TimeSpan EmptyStableFor = TimeSpan.FromSeconds(5);

    /// <summary>Rescan period when nothing is pending and the watcher works.</summary>
    public static readonly TimeSpan IdleRescan = TimeSpan.FromSeconds(1);

    /// <summary>Rescan period when file system events are unavailable.</summary>
    public static readonly TimeSpan BlindRescan = TimeSpan.FromMilliseconds(250);

    /// <summary>Pause before trying a file again after the store failed to take it.</summary>
    public static readonly TimeSpan StoreRetryDelay = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, Observation> _observed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _deferred = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitAsync(stoppingToken);
            await WatchAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        var inbox = Path.GetFullPath(options.Value.Inbox);
        var processed = Path.Combine(inbox, InboxFolder.Processed);
        var rejected = Path.Combine(inbox, InboxFolder.Rejected);
        Directory.CreateDirectory(processed);
        Directory.CreateDirectory(rejected);

        using var watcher = TryWatch(inbox);
        var idle = watcher is null ? BlindRescan : IdleRescan;
        LogWatching(logger, inbox);

        while (!stoppingToken.IsCancellationRequested)
        {
            var pending = false;
            try
            {
                pending = await ScanAsync(inbox, processed, rejected, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogScanFailed(logger, inbox, e);
            }

            await WaitAsync(pending ? StableFor : idle, stoppingToken);
        }
    }

    private async Task<bool> ScanAsync(string inbox, string processed, string rejected, CancellationToken cancellationToken)
    {
        // Someone tidying up may delete the folders under a running host; the next scan brings them back.
        Directory.CreateDirectory(processed);
        Directory.CreateDirectory(rejected);
        var now = timeProvider.GetUtcNow();
        var present = new HashSet<string>(StringComparer.Ordinal);
        var ready = new List<FileInfo>();
        var pending = false;

        foreach (var file in new DirectoryInfo(inbox).EnumerateFiles())
        {
            if (InboxFolder.IsIgnored(file.Name))
            {
                continue;
            }

            present.Add(file.FullName);
            if (_deferred.TryGetValue(file.FullName, out var until) && until > now)
            {
                pending = true;
                continue;
            }

            var look = new Observation(file.Length, file.LastWriteTimeUtc, now);
            if (_observed.TryGetValue(file.FullName, out var earlier) && earlier.SameAs(look) && now - earlier.Since >= (look.Length == 0 ? EmptyStableFor : StableFor))
            {
                ready.Add(file);
            }
            else
            {
                if (earlier is null || !earlier.SameAs(look))
                {
                    _observed[file.FullName] = look;
                }

                pending = true;
            }
        }

        foreach (var gone in _observed.Keys.Where(k => !present.Contains(k)).ToList())
        {
            _observed.Remove(gone);
            _deferred.Remove(gone);
        }

        // Oldest first, so a burst of files is imported in the order it was written.
        foreach (var file in ready.OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await TakeAsync(file, processed, rejected, cancellationToken))
            {
                pending = true;
            }
        }

        return pending;
    }

    /// <summary>Imports and moves one file; false when it has to wait (still open elsewhere, or the store failed).</summary>
    private async Task<bool> TakeAsync(FileInfo file, string processed, string rejected, CancellationToken cancellationToken)
    {
        byte[]? content = null;
        FileImportOutcome? outcome = null;
        try
        {
            // FileShare.None fails while a writer still holds the file open.
            await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.None);
            if (stream.Length > ArticleFileReader.MaxFileBytes)
            {
                outcome = new FileImportOutcome.Rejected($"the file has {stream.Length} bytes; the limit is {ArticleFileReader.MaxFileBytes}");
            }
            else
            {
                content = new byte[stream.Length];
                await stream.ReadExactlyAsync(content, cancellationToken);
            }
        }
        catch (FileNotFoundException)
        {
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogBusy(logger, file.Name, e.Message);
            _observed.Remove(file.FullName);
            return false;
        }

        if (content is not null)
        {
            try
            {
                outcome = await importer.ImportAsync(file.Name, content, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The store is down, not the file wrong: keep it in the inbox and try again later.
                LogStoreFailed(logger, file.Name, StoreRetryDelay, e);
                _deferred[file.FullName] = timeProvider.GetUtcNow() + StoreRetryDelay;
                return false;
            }
        }

        _observed.Remove(file.FullName);
        _deferred.Remove(file.FullName);
        try
        {
            switch (outcome)
            {
                case FileImportOutcome.Imported imported:
                    var done = InboxFolder.FreePath(processed, file.Name);
                    File.Move(file.FullName, done);
                    LogProcessed(logger, file.Name, imported.Result.Key, imported.Result.Version, imported.Result.Status);
                    break;
                case FileImportOutcome.Rejected reject:
                    var target = InboxFolder.FreePath(rejected, file.Name);
                    File.Move(file.FullName, target);
                    await File.WriteAllTextAsync(target + InboxFolder.ReasonExtension, reject.Reason + "\n", cancellationToken);
                    LogRejected(logger, file.Name, reject.Reason);
                    break;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogMoveFailed(logger, file.Name, e);
        }

        return true;
    }

    private FileSystemWatcher? TryWatch(string inbox)
    {
        try
        {
            var watcher = new FileSystemWatcher(inbox)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Created += (_, _) => _wake.Writer.TryWrite(true);
            watcher.Changed += (_, _) => _wake.Writer.TryWrite(true);
            watcher.Renamed += (_, _) => _wake.Writer.TryWrite(true);
            watcher.Error += (_, e) =>
            {
                LogWatcherError(logger, e.GetException().Message);
                _wake.Writer.TryWrite(true);
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            LogWatcherUnavailable(logger, BlindRescan, e.Message);
            return null;
        }
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(delay, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            if (await _wake.Reader.WaitToReadAsync(linked.Token))
            {
                _wake.Reader.TryRead(out _);
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }

    private sealed record Observation(long Length, DateTime LastWriteUtc, DateTimeOffset Since)
    {
        public bool SameAs(Observation other) => Length == other.Length && LastWriteUtc == other.LastWriteUtc;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Inbox} for article files")]
    private static partial void LogWatching(ILogger logger, string inbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox: {FileName} imported as {Key} version {Version} ({Status})")]
    private static partial void LogProcessed(ILogger logger, string fileName, string key, int version, Bot.Core.Storage.ImportStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox: {FileName} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string fileName, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbox: {FileName} is still in use ({Reason}); waiting")]
    private static partial void LogBusy(ILogger logger, string fileName, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox: the store did not take {FileName}; trying again in {Delay}")]
    private static partial void LogStoreFailed(ILogger logger, string fileName, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox: could not move {FileName} out of the inbox")]
    private static partial void LogMoveFailed(ILogger logger, string fileName, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox: scanning {Inbox} failed")]
    private static partial void LogScanFailed(ILogger logger, string inbox, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox: file system watcher error ({Reason}); the rescan carries on")]
    private static partial void LogWatcherError(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox: file system events unavailable ({Reason}); rescanning every {Period}")]
    private static partial void LogWatcherUnavailable(ILogger logger, TimeSpan period, string reason);
}
