using Bot.Core.Articles;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Sources.Inbox;

/// <summary>
/// Takes one inbox file in: claims it (<see cref="InboxClaims"/>), reads it without following a link or
/// blocking on a FIFO, imports it, and files it under <c>processed/</c>, or under <c>rejected/</c> with a
/// <c>.reason</c> file beside it. Anything but a regular file is rejected unread, with its reason.
/// </summary>
public sealed partial class InboxIntake(ArticleImporter importer, InboxClaims claims, string inbox, ILogger logger)
{
    private readonly string _processed = Path.Combine(inbox, InboxFolder.Processed);
    private readonly string _rejected = Path.Combine(inbox, InboxFolder.Rejected);

    // Not a host's folder, so claims recovery leaves what is written there alone.
    private readonly string _staging = Path.Combine(inbox, InboxFolder.Claimed);

    /// <summary>Claims and takes the inbox file <paramref name="name"/>.</summary>
    /// <returns>Null when it is done with (or another host took it); else its path in the claim folder, to try again later.</returns>
    public async Task<string?> TakeAsync(string name, CancellationToken cancellationToken)
    {
        string? claimed;
        try
        {
            claimed = claims.TryClaim(name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogClaimFailed(logger, InboxFolder.SafeName(name), e.Message);
            return null;
        }

        return claimed is null ? null : await TakeClaimedAsync(claimed, cancellationToken);
    }

    /// <summary>Takes a file this host has claimed.</summary>
    /// <returns>Null when it is done with; else <paramref name="claimedPath"/>, to try again later (the store failed).</returns>
    public async Task<string?> TakeClaimedAsync(string claimedPath, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(claimedPath);
        FileImportOutcome outcome;
        try
        {
            switch (await ReadAsync(claimedPath, cancellationToken))
            {
                case Read.Missing:
                    return null;
                case Read.Refused refused:
                    outcome = new FileImportOutcome.Rejected(refused.Reason);
                    break;
                case Read.Content content:
                    outcome = await importer.ImportAsync(name, content.Bytes, cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException("unknown read result");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogUnreadable(logger, name, e.Message);
            return claimedPath;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store is down, not the file wrong: this host keeps it and tries again later.
            LogStoreFailed(logger, name, e);
            return claimedPath;
        }

        try
        {
            switch (outcome)
            {
                case FileImportOutcome.Imported imported:
                    InboxFolder.MoveToFreeName(claimedPath, _processed, name);
                    LogProcessed(logger, name, imported.Result.Key, imported.Result.Version, imported.Result.Status);
                    break;
                case FileImportOutcome.Rejected reject:
                    Reject(claimedPath, name, reject.Reason);
                    LogRejected(logger, name, reject.Reason);
                    break;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogMoveFailed(logger, name, e);
            return claimedPath;
        }

        return null;
    }

    private static async Task<Read> ReadAsync(string path, CancellationToken cancellationToken)
    {
        switch (InboxFiles.OpenRegular(path))
        {
            case InboxOpenResult.Gone:
                return new Read.Missing();
            case InboxOpenResult.Refused refused:
                return new Read.Refused(refused.Reason);
            case InboxOpenResult.Opened(var handle, _):
                using (handle)
                {
                    var length = RandomAccess.GetLength(handle);
                    if (length > ArticleFileReader.MaxFileBytes)
                    {
                        return new Read.Refused($"the file has {length} bytes; the limit is {ArticleFileReader.MaxFileBytes}");
                    }

                    var content = new byte[length];
                    for (var offset = 0; offset < content.Length;)
                    {
                        var read = await RandomAccess.ReadAsync(handle, content.AsMemory(offset), offset, cancellationToken);
                        offset += read > 0 ? read : throw new IOException($"the file shrank to {offset} bytes while it was read");
                    }

                    return new Read.Content(content);
                }

            default:
                throw new InvalidOperationException("unknown open result");
        }
    }

    private void Reject(string claimedPath, string name, string reason)
    {
        var current = claimedPath;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var target = InboxFolder.FreePath(_rejected, name);
            if (!InboxFiles.TryMoveNoReplace(current, target))
            {
                continue;
            }

            // The reason comes last, as ever, and only where none is: if a host filed a file under exactly that
            // name meanwhile, this file moves on to the next free name.
            current = target;
            if (TryFileReason(target + InboxFolder.ReasonExtension, reason))
            {
                return;
            }
        }

        throw new IOException($"no free name for {name} in {_rejected}");
    }

    /// <summary>
    /// Puts the reason at <paramref name="path"/> unless something is there, whole: it is written in the claims' folder
    /// first and moved into place, so whoever watches rejected/ never sees a <c>.reason</c> file empty or half written.
    /// </summary>
    private bool TryFileReason(string path, string reason)
    {
        Directory.CreateDirectory(_staging);
        var staged = Path.Combine(_staging, $".{Guid.NewGuid():N}{InboxFolder.ReasonExtension}");
        File.WriteAllText(staged, reason + "\n");
        if (InboxFiles.TryMoveNoReplace(staged, path))
        {
            return true;
        }

        File.Delete(staged);
        return false;
    }

    private abstract record Read
    {
        public sealed record Content(byte[] Bytes) : Read;

        public sealed record Refused(string Reason) : Read;

        public sealed record Missing : Read;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox: {FileName} imported as {Key} version {Version} ({Status})")]
    private static partial void LogProcessed(ILogger logger, string fileName, string key, int version, Bot.Core.Storage.ImportStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox: {FileName} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string fileName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox: cannot claim {FileName} ({Reason}); the next scan tries again")]
    private static partial void LogClaimFailed(ILogger logger, string fileName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox: cannot read {FileName} ({Reason}); trying again later")]
    private static partial void LogUnreadable(ILogger logger, string fileName, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox: the store did not take {FileName}; trying again later")]
    private static partial void LogStoreFailed(ILogger logger, string fileName, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox: could not move {FileName} out of the inbox")]
    private static partial void LogMoveFailed(ILogger logger, string fileName, Exception exception);
}
