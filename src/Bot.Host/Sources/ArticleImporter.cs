using Bot.Core.Articles;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Sources;

/// <summary>
/// The one path from an article file to the store, shared by <c>bot import</c>, first-run seeding, the
/// inbox, the article API and the feed poller: read, store, announce on the <see cref="IArticleFeed"/>. Files and API
/// bodies are the newsroom's (<see cref="ArticleOrigin.Newsroom"/>); a feed hands over articles already in its own
/// namespace. A file that is not an article is a <see cref="FileImportOutcome.Rejected"/> value; a store failure
/// throws, because it is not the file's fault.
/// </summary>
public sealed partial class ArticleImporter(
    IArticleStore store,
    IArticleFeed feed,
    TimeProvider timeProvider,
    ILogger<ArticleImporter> logger)
{
    /// <summary>Whether a folder import picks the file up; explicit files and the inbox try any name.</summary>
    public static bool HasArticleExtension(string path) =>
        ArticleFileReader.Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    public async Task<FileImportOutcome> ImportFileAsync(string path, CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > ArticleFileReader.MaxFileBytes)
            {
                return TooLarge(length);
            }

            content = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileImportOutcome.Rejected($"cannot read the file: {e.Message}");
        }

        return await ImportAsync(Path.GetFileName(path), content, cancellationToken);
    }

    public Task<FileImportOutcome> ImportAsync(string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        ImportAsync(fileName, fileName, content, cancellationToken);

    /// <summary>An article API body: the fields of a <c>.json</c> file; <paramref name="label"/> names the poster in the log.</summary>
    public Task<FileImportOutcome> ImportJsonAsync(string label, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        ImportAsync(label, "article.json", content, cancellationToken);

    private async Task<FileImportOutcome> ImportAsync(string label, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (content.Length > ArticleFileReader.MaxFileBytes)
        {
            return TooLarge(content.Length);
        }

        ArticleReadResult read;
        try
        {
            read = ArticleFileReader.Read(fileName, content.Span, timeProvider.GetUtcNow());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A reader that throws has a bug, but one odd file must not stop an import or the host.
            LogReaderFailed(logger, label, e);
            return new FileImportOutcome.Rejected($"could not be read: {OneLine(e.Message)}");
        }

        if (read is ArticleReadResult.Success { Article: var article })
        {
            read = ArticleOrigin.Newsroom.Take(article);
        }

        switch (read)
        {
            case ArticleReadResult.Failure failure:
                LogRejected(logger, label, failure.Reason);
                return new FileImportOutcome.Rejected(OneLine(failure.Reason)) { Errors = failure.Errors };
            case ArticleReadResult.Success success:
                var result = await StoreAsync(success.Article, cancellationToken);
                LogImported(logger, label, result.Key, result.Version, result.Status);
                return new FileImportOutcome.Imported(result);
            default:
                throw new InvalidOperationException($"Unknown read result {read.GetType().Name}.");
        }
    }

    /// <summary>Stores an article read elsewhere (a feed item) and tells the dispatcher, as a file's article is.</summary>
    /// <param name="origin">What the article came from, for the log line.</param>
    /// <remarks>An unchanged article is not logged: a feed hands back the same items at every poll.</remarks>
    public async Task<ImportResult> ImportArticleAsync(string origin, Article article, CancellationToken cancellationToken)
    {
        var result = await StoreAsync(article, cancellationToken);
        if (Changed(result.Status))
        {
            LogImported(logger, origin, result.Key, result.Version, result.Status);
        }

        return result;
    }

    private async Task<ImportResult> StoreAsync(Article article, CancellationToken cancellationToken)
    {
        var result = await store.ImportAsync(article, cancellationToken);
        if (Changed(result.Status))
        {
            feed.Publish(result);
        }

        return result;
    }

    /// <summary>Whether the import stored a version (created or updated), which the dispatcher has to plan.</summary>
    public static bool Changed(ImportStatus status) => status is ImportStatus.Created or ImportStatus.Updated;

    internal static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static FileImportOutcome.Rejected TooLarge(long length) =>
        new($"the file has {length} bytes; the limit is {ArticleFileReader.MaxFileBytes}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {FileName} as {Key} version {Version}: {Status}")]
    private static partial void LogImported(ILogger logger, string fileName, string key, int version, ImportStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {FileName}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string fileName, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The article reader failed on {FileName}")]
    private static partial void LogReaderFailed(ILogger logger, string fileName, Exception exception);
}
