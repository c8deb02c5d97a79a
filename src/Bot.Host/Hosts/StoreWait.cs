using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Hosts;

/// <summary>Waits until the store is migrated, retrying while it is unreachable (a database container still starting).</summary>
public static partial class StoreWait
{
    /// <summary>True once migrated; false when <paramref name="stoppingToken"/> fired first. Migrating is idempotent and serialised by the store.</summary>
    public static async Task<bool> UntilMigratedAsync(IStoreHealth health, TimeProvider time, ILogger logger, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(health);
        for (var failures = 0; ; failures++)
        {
            try
            {
                await health.MigrateAsync(stoppingToken);
                return true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e)
            {
                LogStoreUnavailable(logger, e, failures + 1);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures, 5))), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The store is not available ({Failures} tries); retrying")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception exception, int failures);
}
