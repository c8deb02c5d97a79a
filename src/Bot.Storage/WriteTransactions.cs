using System.Data.Common;

namespace Bot.Storage;

public static class WriteTransactions
{
    /// <summary>Enough for a burst of writers racing for one row; each retry starts a fresh transaction.</summary>
    private const int MaxAttempts = 5;

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction (in this process's writer turn) and commits it; when it
    /// lost a race with another writer (<see cref="SqlDialect.IsRetryableConflict"/>) it runs again from the start,
    /// and then sees the winner's rows.
    /// </summary>
    public static async Task<T> InWriteAsync<T>(this IDbConnectionFactory factory, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await factory.OpenAsync(cancellationToken);
                using var writer = await factory.Dialect.EnterWriterAsync(connection, cancellationToken);
                await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
                var result = await work(connection, transaction);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception exception) when (attempt < MaxAttempts && factory.Dialect.IsRetryableConflict(exception))
            {
            }
        }
    }
}
