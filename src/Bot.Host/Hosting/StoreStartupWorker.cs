using Bot.Core.Storage;
using Bot.Host.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Hosting;

/// <summary>
/// Migrates the store in the background, so <c>/healthz</c> already answers 503 while it runs, then seeds
/// an empty store from <see cref="SourcesOptions.Seed"/> and opens the gate for the other workers.
/// A store that is not reachable yet (a database container still starting) is retried, not fatal.
/// </summary>
public sealed partial class StoreStartupWorker(
    IStoreHealth storeHealth,
    IArticleStore store,
    ArticleImporter importer,
    StoreReadiness readiness,
    IOptions<SourcesOptions> options,
    TimeProvider timeProvider,
    ILogger<StoreStartupWorker> logger) : BackgroundService
{
    /// <summary>Wait between migration attempts while the store is unreachable.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await StartStoreAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task StartStoreAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await storeHealth.MigrateAsync(stoppingToken);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogMigrationFailed(logger, attempt, RetryDelay, e);
                await Task.Delay(RetryDelay, timeProvider, stoppingToken);
            }
        }

        LogStoreReady(logger);
        try
        {
            await SeedAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogSeedFailed(logger, e);
        }

        readiness.MarkReady();
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var folder = options.Value.Seed;
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
        {
            return;
        }

        if ((await store.ListRecentAsync(1, cancellationToken)).Count > 0)
        {
            return;
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(ArticleImporter.HasArticleExtension)
            .Order(StringComparer.Ordinal)
            .ToList();
        LogSeeding(logger, files.Count, folder);
        foreach (var file in files)
        {
            await importer.ImportFileAsync(file, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Store migration failed (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogMigrationFailed(ILogger logger, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store migrated and ready")]
    private static partial void LogStoreReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store is empty: importing {Count} sample article file(s) from {Folder}")]
    private static partial void LogSeeding(ILogger logger, int count, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seeding the store failed; continuing without samples")]
    private static partial void LogSeedFailed(ILogger logger, Exception exception);
}
