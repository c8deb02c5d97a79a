using System.Data.Common;
using System.Globalization;
using System.Text;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Store;
using Dapper;

namespace Bot.Storage.Deliveries;

/// <summary>
/// Claims on SQLite or PostgreSQL with one SQL text for both. A claim is one statement inside a write transaction: on
/// SQLite the transaction holds the only write lock; on PostgreSQL concurrent hosts skip each other's locked rows. Both
/// see only the oldest unfinished delivery per destination and recipient, so nothing overtakes an earlier announcement
/// that is still queued or retrying. Leases and due times are on the store's clock (<see cref="StoreClock"/>); the
/// instants in and out are on the caller's.
/// </summary>
public sealed class SqlClaimStore(IDbConnectionFactory factory, TimeProvider time) : IClaimStore
{
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await factory.OpenAsync(cancellationToken);
        IReadOnlyList<ClaimedDelivery> claimed;
        using (await factory.Dialect.EnterWriterAsync(connection, cancellationToken))
        {
            await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
            var clock = new StoreClock(factory.Dialect, request.Now);
            await ReleaseExpiredAsync(connection, transaction, clock, cancellationToken);
            var parameters = new DynamicParameters(new { request.Owner, request.Now, Limit = (long)request.Limit });
            var rows = await connection.QueryAsync<ClaimRow>(new CommandDefinition(
                $"""
                UPDATE deliveries
                SET status = 'sending', lease_owner = @Owner, lease_until = {clock.At(parameters, "LeaseUntil", request.LeaseUntil)}, attempts = attempts + 1, updated_at = @Now
                WHERE id IN (
                    SELECT d.id FROM deliveries d
                    WHERE {ClaimableHead(request, parameters)} AND d.next_attempt_at <= {clock.Now(parameters)}
                    ORDER BY d.next_attempt_at, d.id
                    LIMIT @Limit{factory.Dialect.ForUpdateSkipLocked})
                RETURNING id AS Id, article_key AS ArticleKey, article_version AS ArticleVersion, destination AS Destination,
                          recipient AS Recipient, kind AS Kind, attempts AS Attempts, next_attempt_at AS NextAttemptAt,
                          remote_ids AS RemoteIds, sent_version AS RemoteIdsVersion, shown_parts AS ShownParts, generation AS Generation
                """,
                parameters, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            claimed = [.. rows.OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).Select(r => r.ToClaimed(request.LeaseUntil))];
        }
        return claimed.Count == 0 ? claimed : await SentThreadLookup.AttachAsync(connection, claimed, cancellationToken);
    }

    public async Task<DateTimeOffset?> NextDueAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new DynamicParameters();
        var clock = new StoreClock(factory.Dialect, request.Now);
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(
            $"SELECT {clock.Read(parameters, "d.next_attempt_at")} FROM deliveries d WHERE {ClaimableHead(request, parameters)} ORDER BY d.next_attempt_at LIMIT 1",
            parameters, cancellationToken: cancellationToken));
    }

    public async Task<int> RenewAsync(string owner, IReadOnlyCollection<long> ids, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return 0;
        var clock = new StoreClock(factory.Dialect, time.GetUtcNow());
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var writer = await factory.Dialect.EnterWriterAsync(connection, cancellationToken);
        await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
        var renewed = 0;
        foreach (var chunk in ids.Chunk(ValuesRows.MaxRows))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var values = new ValuesRows(command);
            var list = string.Join(", ", chunk.Select(id => values.Parameter(id)));
            command.CommandText =
                $"""
                UPDATE deliveries SET lease_until = {clock.Sql(values.Parameter(clock.Value(leaseUntil)))}
                WHERE status = 'sending' AND lease_owner = {values.Parameter(owner)} AND id IN ({list})
                """;
            renewed += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return renewed;
    }

    public async Task<int> ReleaseAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE deliveries SET status = 'queued', attempts = attempts - 1, lease_owner = NULL, lease_until = NULL, updated_at = @Now
            WHERE status = 'sending' AND lease_owner = @Owner
            """,
            new { Owner = owner, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task<int> ReleaseExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var writer = await factory.Dialect.EnterWriterAsync(connection, cancellationToken);
        await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
        var released = await ReleaseExpiredAsync(connection, transaction, new StoreClock(factory.Dialect, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return released;
    }

    // The host that held these died or stalled mid-send: the attempt stays counted (the message may have gone
    // out), and the delivery keeps its place at the head of its destination's queue.
    private static Task<int> ReleaseExpiredAsync(DbConnection connection, DbTransaction transaction, StoreClock clock, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { Now = clock.CallerNow });
        return connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE deliveries SET status = 'queued', lease_owner = NULL, lease_until = NULL, updated_at = @Now
            WHERE status = 'sending' AND lease_until <= {clock.Now(parameters)}
            """,
            parameters, transaction, cancellationToken: cancellationToken));
    }

    // A delivery whose destination may send, and which no older unfinished delivery to the same place precedes.
    private static string ClaimableHead(ClaimRequest request, DynamicParameters parameters)
    {
        var sql = new StringBuilder(
            $"""
            d.status IN ('queued', 'failed')
            AND NOT EXISTS (SELECT 1 FROM destinations t WHERE t.name = d.destination AND (t.paused OR t.disabled{List(" OR t.channel IN ", "xc", request.ExcludedChannels, parameters)}))
            AND NOT EXISTS (SELECT 1 FROM deliveries x
                            WHERE x.destination = d.destination AND x.recipient = d.recipient AND x.id < d.id
                              AND x.status IN {DeliverySql.Unfinished})
            """);
        sql.Append(List(" AND d.destination NOT IN ", "xd", request.ExcludedDestinations, parameters));
        return sql.ToString();
    }

    // One named parameter per item: Dapper hands a list to Npgsql as one array, which "IN" cannot take.
    private static string List(string prefix, string name, IReadOnlyCollection<string> items, DynamicParameters parameters)
    {
        if (items.Count == 0) return "";
        var names = items.Select((item, i) =>
        {
            var parameter = name + i.ToString(CultureInfo.InvariantCulture);
            parameters.Add(parameter, item);
            return "@" + parameter;
        });
        return prefix + "(" + string.Join(", ", names) + ")";
    }

    private sealed class ClaimRow
    {
        public long Id { get; init; }
        public string ArticleKey { get; init; } = "";
        public long ArticleVersion { get; init; }
        public string Destination { get; init; } = "";
        public string Recipient { get; init; } = "";
        public string Kind { get; init; } = "";
        public long Attempts { get; init; }
        public DateTimeOffset NextAttemptAt { get; init; }
        public string? RemoteIds { get; init; }
        public long? RemoteIdsVersion { get; init; }
        public long? ShownParts { get; init; }
        public long Generation { get; init; }

        public ClaimedDelivery ToClaimed(DateTimeOffset leaseUntil) => new(
            Id, ArticleKey, (int)ArticleVersion, Destination, Recipient, DeliveryNames.ParseKind(Kind), (int)Attempts,
            RemoteIdsJson.Read(RemoteIds), leaseUntil, (int)Generation, RemoteIdsVersion: (int?)RemoteIdsVersion, ShownParts: (int?)ShownParts);
    }
}
