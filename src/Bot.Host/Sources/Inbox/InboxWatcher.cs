using Bot.Host.Hosting;
using Bot.Host.Sources.Inbox.Linux;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Sources.Inbox;

/// <summary>
/// Imports the article files that appear in <see cref="SourcesOptions.Inbox"/>. On Linux the kernel says when a
/// writer closed a file or a file was renamed in (<see cref="InotifyWatch"/>), and the file is taken at once:
/// never earlier, however long a slow writer pauses, and never later, since no fixed wait is needed. Without
/// those events, a file is taken once it held still for <see cref="SourcesOptions.InboxSettle"/>
/// (<see cref="InboxReadiness"/>). A periodic rescan finds what events cannot tell: files present at start, and
/// after the kernel lost events. Each file is claimed by an atomic rename first (<see cref="InboxClaims"/>), so
/// several hosts can watch one folder and each file is taken in exactly once.
/// </summary>
public sealed partial class InboxWatcher(
    ArticleImporter importer,
    StoreReadiness readiness,
    IOptions<SourcesOptions> options,
    HostName hostName,
    TimeProvider timeProvider,
    ILogger<InboxWatcher> logger) : BackgroundService
{
    /// <summary>Rescan period while the kernel's events work: only a safety net.</summary>
    public static readonly TimeSpan Rescan = TimeSpan.FromSeconds(5);

    /// <summary>Rescan period without events: each look moves a file's settle time along.</summary>
    public static readonly TimeSpan PollRescan = TimeSpan.FromMilliseconds(250);

    /// <summary>Pause before trying a claimed file again after the store (or the disk) failed to take it.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

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
        var settings = options.Value;
        var inbox = Path.GetFullPath(settings.Inbox);
        LogWatching(logger, inbox);
        var watch = StartWatch(inbox, settings);
        var claims = new InboxClaims(inbox, hostName.Value, settings.InboxClaimTimeout, timeProvider, logger);
        var intake = new InboxIntake(importer, claims, inbox, logger);
        var files = new InboxReadiness(settings.InboxSettle);
        var held = new List<Held>();
        var now = timeProvider.GetUtcNow();
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewal = Task.CompletedTask;
        try
        {
            held.AddRange(claims.Open().Select(path => new Held(path, now)));
            renewal = RenewAsync(claims, renewing.Token);
            var nextScan = now;
            var nextRecovery = now;
            while (true)
            {
                stoppingToken.ThrowIfCancellationRequested();
                now = timeProvider.GetUtcNow();
                if (watch is not null && !Drain(watch, inbox, files, now, ref nextScan))
                {
                    watch.Dispose();
                    files.EventsLost();
                    nextScan = now;
                    LogWatchEnded(logger);
                    watch = StartWatch(inbox, settings);
                }

                try
                {
                    if (now >= nextScan)
                    {
                        Scan(inbox, files, now);
                        nextScan = now + (watch is null ? PollRescan : Rescan);
                    }

                    if (now >= nextRecovery)
                    {
                        held.AddRange(claims.RecoverFromLostHosts().Select(path => new Held(path, now)));
                        nextRecovery = now + claims.RenewalPeriod;
                    }

                    await TakeAsync(intake, files, held, now, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogScanFailed(logger, inbox, e);
                    nextScan = now + PollRescan;
                }

                var wake = new[] { nextScan, nextRecovery, files.NextDue() ?? nextScan, held.Count > 0 ? held.Min(h => h.RetryAt) : nextScan }.Min();
                await WaitAsync(watch, wake, stoppingToken);
            }
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            watch?.Dispose();
            try
            {
                claims.Close();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogReleaseFailed(logger, claims.Folder, e.Message);
            }
        }
    }

    private async Task TakeAsync(InboxIntake intake, InboxReadiness files, List<Held> held, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var retry in held.Where(h => h.RetryAt <= now).ToList())
        {
            held.Remove(retry);
            if (await intake.TakeClaimedAsync(retry.Path, cancellationToken) is { } again)
            {
                held.Add(new Held(again, timeProvider.GetUtcNow() + RetryDelay));
            }
        }

        foreach (var name in files.Due(now))
        {
            files.Forget(name);
            if (await intake.TakeAsync(name, cancellationToken) is { } claimed)
            {
                held.Add(new Held(claimed, timeProvider.GetUtcNow() + RetryDelay));
            }
        }
    }

    /// <summary>Feeds the kernel's events to <paramref name="files"/>; false when the watch has ended.</summary>
    private bool Drain(InotifyWatch watch, string inbox, InboxReadiness files, DateTimeOffset now, ref DateTimeOffset nextScan)
    {
        while (watch.Events.TryRead(out var e))
        {
            switch (e.Kind)
            {
                case InotifyEventKind.Overflow:
                    LogEventsLost(logger);
                    files.EventsLost();
                    nextScan = now;
                    break;
                case InotifyEventKind.Ended:
                    return false;
                default:
                    Signal(inbox, files, e, now);
                    break;
            }
        }

        return !watch.Events.Completion.IsCompleted;
    }

    private static void Signal(string inbox, InboxReadiness files, InotifyEvent e, DateTimeOffset now)
    {
        var name = e.Name!;
        if (InboxFolder.IsIgnored(name) || InboxFolder.IsReserved(name))
        {
            return;
        }

        switch (InboxFiles.Look(Path.Combine(inbox, name)))
        {
            case null:
                files.Forget(name);
                break;
            case { Kind: InboxFileKind.Directory }:
                break;
            case { } facts when e.Kind == InotifyEventKind.Created:
                files.Created(name, facts, now);
                break;
            case { } facts:
                files.Completed(name, facts, now);
                break;
        }
    }

    private static void Scan(string inbox, InboxReadiness files, DateTimeOffset now)
    {
        // Someone tidying up may delete the folders under a running host; the scan brings them back.
        CreateFolders(inbox);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFileSystemEntries(inbox))
        {
            var name = Path.GetFileName(path);
            if (InboxFolder.IsIgnored(name) || InboxFolder.IsReserved(name) || InboxFiles.Look(path) is not { Kind: not InboxFileKind.Directory } facts)
            {
                continue;
            }

            present.Add(name);
            files.Observe(name, facts, now);
        }

        files.KeepOnly(present);
    }

    /// <summary>
    /// Creates the inbox and watches it before its folders appear and before the first scan, so that every file
    /// either is found by a scan or has its events, and whoever sees the folders sees a watched inbox.
    /// </summary>
    private InotifyWatch? StartWatch(string inbox, SourcesOptions settings)
    {
        Directory.CreateDirectory(inbox);
        var watch = TryWatch(inbox, settings);
        CreateFolders(inbox);
        return watch;
    }

    private InotifyWatch? TryWatch(string inbox, SourcesOptions settings)
    {
        var mode = settings.InboxWatch;
        string reason;
        if (mode == InboxWatchMode.Poll)
        {
            reason = "Sources:InboxWatch is Poll";
        }
        else if (mode == InboxWatchMode.Auto && NetworkFileSystems.Of(inbox) is { } fileSystem)
        {
            reason = $"the folder is on {fileSystem}, where the kernel does not see other machines' writes";
        }
        else
        {
            try
            {
                var watch = InotifyWatch.Start(inbox);
                LogNotified(logger, settings.InboxSettle);
                return watch;
            }
            catch (Exception e) when (e is IOException or PlatformNotSupportedException)
            {
                reason = e.Message;
            }
        }

        if (mode == InboxWatchMode.Notify)
        {
            throw new InvalidOperationException($"Sources:InboxWatch is Notify, but the kernel's file events are unavailable: {reason}");
        }

        LogPolling(logger, reason, settings.InboxSettle);
        return null;
    }

    private async Task WaitAsync(InotifyWatch? watch, DateTimeOffset until, CancellationToken stoppingToken)
    {
        var delay = until - timeProvider.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        if (watch is null)
        {
            await Task.Delay(delay, timeProvider, stoppingToken);
            return;
        }

        using var timeout = new CancellationTokenSource(delay, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await watch.Events.WaitToReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RenewAsync(InboxClaims claims, CancellationToken cancellationToken)
    {
        // Apart from the intake loop, so a slow store cannot make this host look dead to the others.
        using var timer = new PeriodicTimer(claims.RenewalPeriod, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    claims.Renew();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    LogRenewFailed(logger, claims.Folder, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static void CreateFolders(string inbox)
    {
        Directory.CreateDirectory(Path.Combine(inbox, InboxFolder.Processed));
        Directory.CreateDirectory(Path.Combine(inbox, InboxFolder.Rejected));
        Directory.CreateDirectory(Path.Combine(inbox, InboxFolder.Claimed));
    }

    private sealed record Held(string Path, DateTimeOffset RetryAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Inbox} for article files")]
    private static partial void LogWatching(ILogger logger, string inbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox: files are taken when their writer closes them or they are renamed in; files without such an event once unchanged for {Settle}")]
    private static partial void LogNotified(ILogger logger, TimeSpan settle);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox: file system events unavailable ({Reason}); a file is taken once unchanged for {Settle}")]
    private static partial void LogPolling(ILogger logger, string reason, TimeSpan settle);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox: the kernel dropped file events; rescanning, and files not yet closed wait for the settle time")]
    private static partial void LogEventsLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox: the watch on the folder ended (deleted, moved or unmounted); watching it again")]
    private static partial void LogWatchEnded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox: scanning {Inbox} failed")]
    private static partial void LogScanFailed(ILogger logger, string inbox, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox: cannot renew the claim folder {Folder} ({Reason})")]
    private static partial void LogRenewFailed(ILogger logger, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox: cannot put the files of {Folder} back in the inbox ({Reason}); another host takes them over after the claim timeout")]
    private static partial void LogReleaseFailed(ILogger logger, string folder, string reason);
}
