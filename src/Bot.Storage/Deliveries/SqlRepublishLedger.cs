using Bot.Core.Delivery.Republishing;
using Dapper;

namespace Bot.Storage.Deliveries;

/// <summary><see cref="IRepublishLedger"/> on the <c>deliveries</c> table (its <c>generation</c> column, migration 0005).</summary>
public sealed class SqlRepublishLedger(IDbConnectionFactory factory) : IRepublishLedger
{
    public async Task<RepublishMark?> GetLatestAsync(string articleKey, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT generation AS Generation, MIN(created_at) AS CreatedAt FROM deliveries
            WHERE article_key = @Key AND generation = (SELECT MAX(generation) FROM deliveries WHERE article_key = @Key AND generation > 0)
            GROUP BY generation
            """,
            new { Key = articleKey }, cancellationToken: cancellationToken));
        return row is null ? null : new RepublishMark((int)row.Generation, row.CreatedAt);
    }

    private sealed class Row
    {
        public long Generation { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }
}
