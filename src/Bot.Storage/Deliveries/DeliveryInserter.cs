using System.Data.Common;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Planning;

namespace Bot.Storage.Deliveries;

/// <summary>
/// Inserts planned deliveries: one multi-row statement per thousand instead of one statement each, because a fan-out
/// page held SQLite's only write lock for a thousand executions while the dispatcher's claims and outcomes waited. The
/// position column keeps the caller's order in the ids, which is the order deliveries to one place go out in.
/// </summary>
internal static class DeliveryInserter
{
    /// <summary>New deliveries are due at once: <c>now</c> on the store's clock (<see cref="StoreClock"/>).</summary>
    public static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PlannedDelivery> deliveries, StoreClock clock, CancellationToken cancellationToken)
    {
        var created = 0;
        foreach (var chunk in deliveries.Chunk(ValuesRows.MaxRows))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var rows = new ValuesRows(command);
            foreach (var d in chunk)
            {
                rows.Add(d.ArticleKey, (long)d.ArticleVersion, d.Destination, d.Recipient, DeliveryNames.Of(d.Kind), (long)d.Generation);
            }
            var at = rows.Parameter(clock.CallerNow);
            var due = clock.Now(rows.Parameter);
            // A paused destination's new work is held from the start, so a resume releases it in order.
            command.CommandText =
                $"""
                INSERT INTO deliveries (article_key, article_version, destination, recipient, kind, generation, status, attempts, next_attempt_at, created_at, updated_at)
                SELECT v.column1, v.column2, t.name, v.column4, v.column5, v.column6, CASE WHEN t.paused THEN 'held' ELSE 'queued' END, 0, {due}, {at}, {at}
                FROM ({rows.Text}) AS v
                JOIN destinations t ON t.name = v.column3
                WHERE true
                ORDER BY v.column7
                ON CONFLICT (article_key, article_version, destination, recipient, kind, generation) DO NOTHING
                """;
            created += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return created;
    }
}
