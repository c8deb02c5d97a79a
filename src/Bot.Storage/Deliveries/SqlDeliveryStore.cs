using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Planning;
using Dapper;

namespace Bot.Storage.Deliveries;

/// <summary>
/// The outbox on SQLite or PostgreSQL with one SQL text for both. A claim is one statement inside a write
/// transaction: on SQLite the transaction holds the only write lock; on PostgreSQL concurrent hosts skip each
/// other's locked rows. Both see only the oldest unfinished delivery per destination and recipient, so nothing
/// overtakes an earlier announcement that is still queued or retrying.
/// </summary>
public sealed class SqlDeliveryStore(IDbConnectionFactory factory, TimeProvider time) : IDeliveryStore
{
    private const string Unfinished = "('queued', 'failed', 'sending', 'held')";

    // A delivery whose destination may send, and which no older unfinished delivery to the same place precedes.
    private const string ClaimableHead =
        $"""
        d.status IN ('queued', 'failed')
        AND NOT EXISTS (SELECT 1 FROM destinations t WHERE t.name = d.destination AND (t.paused OR t.disabled))
        AND NOT EXISTS (SELECT 1 FROM deliveries x
                        WHERE x.destination = d.destination AND x.recipient = d.recipient AND x.id < d.id
                          AND x.status IN {Unfinished})
        """;

    // What a claim needs: every instant read back is parsed from text on SQLite, so the listing's other columns stay behind.
    private const string ClaimedColumns =
        "id AS Id, article_key AS ArticleKey, article_version AS ArticleVersion, destination AS Destination, recipient AS Recipient, " +
        "kind AS Kind, attempts AS Attempts, next_attempt_at AS NextAttemptAt, remote_ids AS RemoteIds, lease_until AS LeaseUntil";

    private const string ReturnedColumns =
        "id AS Id, article_key AS ArticleKey, article_version AS ArticleVersion, destination AS Destination, recipient AS Recipient, " +
        "kind AS Kind, status AS Status, attempts AS Attempts, next_attempt_at AS NextAttemptAt, remote_ids AS RemoteIds, " +
        "last_error AS LastError, created_at AS CreatedAt, updated_at AS UpdatedAt, sent_at AS SentAt, lease_until AS LeaseUntil";

    public async Task<IReadOnlyList<(string ArticleKey, int Version)>> ListUnplannedAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Key, long Version)>(new CommandDefinition(
            """
            SELECT v.key, v.version
            FROM article_versions v
            WHERE NOT EXISTS (SELECT 1 FROM delivery_plans p WHERE p.article_key = v.key AND p.article_version = v.version)
            ORDER BY v.received_at, v.key, v.version
            LIMIT @Limit
            """,
            new { Limit = (long)limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => (r.Key, (int)r.Version))];
    }

    public async Task MarkPlannedAsync(string articleKey, int version, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO delivery_plans (article_key, article_version, planned_at)
            SELECT v.key, v.version, @Now FROM article_versions v WHERE v.key = @Key AND v.version = @Version
            ON CONFLICT (article_key, article_version) DO NOTHING
            """,
            new { Key = articleKey, Version = (long)version, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyDictionary<string, AnnouncementState>> GetAnnouncementStatesAsync(string articleKey, int beforeVersion, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Destination, long State)>(new CommandDefinition(
            $"""
            SELECT destination,
                   MAX(CASE WHEN status = 'sent' THEN 2 WHEN status IN {Unfinished} THEN 1 ELSE 0 END)
            FROM deliveries
            WHERE article_key = @Key AND article_version < @Before AND kind = 'announce'
            GROUP BY destination
            """,
            new { Key = articleKey, Before = (long)beforeVersion }, cancellationToken: cancellationToken));
        return rows.ToDictionary(
            r => r.Destination,
            r => r.State switch { 2 => AnnouncementState.Sent, 1 => AnnouncementState.Pending, _ => AnnouncementState.None },
            StringComparer.OrdinalIgnoreCase);
    }

    public async Task<int> AddAsync(IReadOnlyList<PlannedDelivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0) return 0;
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var writer = await factory.Dialect.EnterWriterAsync(connection, cancellationToken);
        await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
        var created = await InsertAsync(connection, transaction, deliveries, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    // One multi-row statement per thousand deliveries instead of one statement each: a fan-out page held
    // SQLite's only write lock for a thousand executions while the dispatcher's claims and outcomes waited. The
    // position column keeps the caller's order in the ids, which is the order deliveries to one place go out in.
    private async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PlannedDelivery> deliveries, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
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
            var at = rows.Parameter(now);
            // A paused destination's new work is held from the start, so a resume releases it in order.
            command.CommandText =
                $"""
                INSERT INTO deliveries (article_key, article_version, destination, recipient, kind, generation, status, attempts, next_attempt_at, created_at, updated_at)
                SELECT v.column1, v.column2, t.name, v.column4, v.column5, v.column6, CASE WHEN t.paused THEN 'held' ELSE 'queued' END, 0, {at}, {at}, {at}
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

    public async Task<FanOutProgress> FanOutAsync(PlannedFanOut fanOut, long afterId, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var writer = await factory.Dialect.EnterWriterAsync(connection, cancellationToken);
        await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
        var sql = fanOut.Source == FanOutSource.ActiveSubscribers
            ? """
              SELECT id AS Id, email AS Email FROM subscribers
              WHERE list = @List AND status = 'active' AND id > @After
              ORDER BY id LIMIT @Limit
              """
            : """
              SELECT id AS Id, recipient AS Email FROM deliveries
              WHERE article_key = @Key AND destination = @List AND kind = 'announce' AND status = 'sent' AND recipient <> '' AND id > @After
              ORDER BY id LIMIT @Limit
              """;
        var page = fanOut.Source is FanOutSource.ChatSubscribers or FanOutSource.AnnouncedChats
            ? await ChatFanOutPage.ReadAsync(connection, transaction, fanOut, afterId, pageSize, cancellationToken)
            : (await connection.QueryAsync<(long Id, string Email)>(new CommandDefinition(
                sql, new { List = fanOut.Destination, Key = fanOut.ArticleKey, After = afterId, Limit = (long)pageSize }, transaction, cancellationToken: cancellationToken)))
            .Select(r => new FanOutRecipient(r.Id, r.Email)).ToList();
        var batch = FanOutBatch.From(fanOut, afterId, page, pageSize);
        var created = await InsertAsync(connection, transaction, batch.Deliveries, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FanOutProgress(created, batch.NextCursor, batch.Done);
    }

    public async Task<int> CancelPendingAsync(string articleKey, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE deliveries SET status = 'cancelled', last_error = 'article retracted', updated_at = @Now
            WHERE article_key = @Key AND kind <> 'delete' AND status IN ('queued', 'failed', 'held')
            """,
            new { Key = articleKey, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string owner, int limit, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var writer = await factory.Dialect.EnterWriterAsync(connection, cancellationToken);
        await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
        await ReleaseExpiredAsync(connection, transaction, now, cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            UPDATE deliveries
            SET status = 'sending', lease_owner = @Owner, lease_until = @LeaseUntil, attempts = attempts + 1, updated_at = @Now
            WHERE id IN (
                SELECT d.id FROM deliveries d
                WHERE {ClaimableHead} AND d.next_attempt_at <= @Now
                ORDER BY d.next_attempt_at, d.id
                LIMIT @Limit{factory.Dialect.ForUpdateSkipLocked})
            RETURNING {ClaimedColumns}
            """,
            new { Owner = owner, LeaseUntil = leaseUntil, Now = now, Limit = (long)limit }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).Select(r => new ClaimedDelivery(
            r.Id, r.ArticleKey, (int)r.ArticleVersion, r.Destination, r.Recipient, DeliveryNames.ParseKind(r.Kind), (int)r.Attempts,
            ParseIds(r.RemoteIds), r.LeaseUntil ?? leaseUntil))];
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(
            $"SELECT d.next_attempt_at FROM deliveries d WHERE {ClaimableHead} ORDER BY d.next_attempt_at LIMIT 1",
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<string>?> GetSentRemoteIdsAsync(string articleKey, string destination, string recipient, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var ids = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            """
            SELECT COALESCE(remote_ids, '[]') FROM deliveries
            WHERE article_key = @Key AND destination = @Destination AND recipient = @Recipient
              AND kind IN ('announce', 'edit') AND status = 'sent'
            ORDER BY id DESC LIMIT 1
            """,
            new { Key = articleKey, Destination = destination, Recipient = recipient }, cancellationToken: cancellationToken));
        return ids is null ? null : ParseIds(ids);
    }

    public Task<bool> MarkSentAsync(long id, string owner, IReadOnlyList<string> remoteIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(id, owner, "status = 'sent', remote_ids = @RemoteIds, sent_at = @Now", new { RemoteIds = Json(remoteIds) }, now, cancellationToken);

    public async Task<int> MarkSentAsync(string owner, IReadOnlyList<SentDelivery> sent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (sent.Count == 0) return 0;
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var writer = await factory.Dialect.EnterWriterAsync(connection, cancellationToken);
        await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
        var marked = 0;
        foreach (var chunk in sent.Chunk(ValuesRows.MaxRows))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var rows = new ValuesRows(command);
            foreach (var s in chunk)
            {
                rows.Add(s.Id, Json(s.RemoteIds));
            }
            var at = rows.Parameter(now);
            command.CommandText =
                $"""
                UPDATE deliveries SET status = 'sent', remote_ids = v.column2, sent_at = {at}, lease_owner = NULL, lease_until = NULL, updated_at = {at}
                FROM ({rows.Text}) AS v
                WHERE deliveries.id = v.column1 AND deliveries.status = 'sending' AND deliveries.lease_owner = {rows.Parameter(owner)}
                """;
            marked += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return marked;
    }

    public Task<bool> RescheduleAsync(long id, string owner, DateTimeOffset nextAttemptAt, string? error, IReadOnlyList<string> remoteIds, bool countAttempt, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(id, owner,
            "status = @Status, next_attempt_at = @At, last_error = COALESCE(@Error, last_error), remote_ids = @RemoteIds, attempts = attempts - @GiveBack",
            new { Status = error is null ? "queued" : "failed", At = nextAttemptAt, Error = error, RemoteIds = Json(remoteIds), GiveBack = countAttempt ? 0L : 1L },
            now, cancellationToken);

    public Task<bool> MarkDeadAsync(long id, string owner, string error, IReadOnlyList<string> remoteIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(id, owner, "status = 'dead', last_error = @Error, remote_ids = @RemoteIds", new { Error = error, RemoteIds = Json(remoteIds) }, now, cancellationToken);

    public Task<bool> CancelAsync(long id, string owner, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(id, owner, "status = 'cancelled', last_error = @Error", new { Error = reason }, now, cancellationToken);

    // Every outcome is guarded by the lease: a host whose lease ran out and was taken over records nothing.
    private async Task<bool> FinishAsync(long id, string owner, string assignments, object values, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(values);
        parameters.Add("Id", id);
        parameters.Add("Owner", owner);
        parameters.Add("Now", now);
        await using var connection = await factory.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE deliveries SET {assignments}, lease_owner = NULL, lease_until = NULL, updated_at = @Now
            WHERE id = @Id AND status = 'sending' AND lease_owner = @Owner
            """,
            parameters, cancellationToken: cancellationToken));
        return changed == 1;
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
        var released = await ReleaseExpiredAsync(connection, transaction, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return released;
    }

    // The host that held these died or stalled mid-send: the attempt stays counted (the message may have gone
    // out), and the delivery keeps its place at the head of its destination's queue.
    private static Task<int> ReleaseExpiredAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE deliveries SET status = 'queued', lease_owner = NULL, lease_until = NULL, updated_at = @Now
            WHERE status = 'sending' AND lease_until <= @Now
            """,
            new { Now = now }, transaction, cancellationToken: cancellationToken));

    public async Task SyncDestinationsAsync(IReadOnlyList<Destination> destinations, CancellationToken cancellationToken)
    {
        if (destinations.Count == 0) return;
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var writer = await factory.Dialect.EnterWriterAsync(connection, cancellationToken);
        await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO destinations (name, channel, address, configured_address, updated_at) VALUES (@Name, @Channel, @Address, @Address, @Now)
            ON CONFLICT (name) DO UPDATE SET
                channel = excluded.channel,
                address = CASE WHEN destinations.configured_address = excluded.configured_address THEN destinations.address ELSE excluded.address END,
                configured_address = excluded.configured_address,
                updated_at = excluded.updated_at
            """,
            destinations.Select(d => new { d.Name, d.Channel, d.Address, Now = time.GetUtcNow() }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DestinationState>> ListDestinationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, string Channel, string Address, long Paused, long Disabled, string? Reason)>(new CommandDefinition(
            """
            SELECT name, channel, address, CASE WHEN paused THEN 1 ELSE 0 END, CASE WHEN disabled THEN 1 ELSE 0 END, disabled_reason
            FROM destinations ORDER BY name
            """,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new DestinationState(r.Name, r.Channel, r.Address, r.Paused != 0, r.Disabled != 0, r.Reason))];
    }

    public async Task<bool> SetPausedAsync(string destination, bool paused, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var writer = await factory.Dialect.EnterWriterAsync(connection, cancellationToken);
        await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
        var found = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE destinations SET paused = @Paused, updated_at = @Now WHERE name = @Name",
            new { Name = destination, Paused = paused, Now = now }, transaction, cancellationToken: cancellationToken));
        if (found == 0) return false;
        await connection.ExecuteAsync(new CommandDefinition(
            paused
                ? "UPDATE deliveries SET status = 'held', updated_at = @Now WHERE destination = @Name AND status IN ('queued', 'failed')"
                : "UPDATE deliveries SET status = 'queued', updated_at = @Now WHERE destination = @Name AND status = 'held'",
            new { Name = destination, Now = now }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> SetDisabledAsync(string destination, string? reason, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE destinations SET disabled = @Disabled, disabled_reason = @Reason, updated_at = @Now WHERE name = @Name",
            new { Name = destination, Disabled = reason is not null, Reason = reason, Now = time.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task SetAddressAsync(string destination, string address, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE destinations SET address = @Address, updated_at = @Now WHERE name = @Name",
            new { Name = destination, Address = address, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(DeliveryQuery query, CancellationToken cancellationToken)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        if (query.Status is not null) where.Append(" AND status = @Status");
        if (query.ArticleKey is not null) where.Append(" AND article_key = @Key");
        if (query.Destination is not null) where.Append(" AND destination = @Destination");
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {ReturnedColumns} FROM deliveries {where} ORDER BY id DESC LIMIT @Limit",
            new
            {
                Status = query.Status is { } s ? DeliveryNames.Of(s) : null,
                Key = query.ArticleKey,
                query.Destination,
                Limit = (long)query.Limit,
            },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<int> RequeueDeadAsync(long? id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE deliveries SET status = 'queued', attempts = 0, next_attempt_at = @Now, updated_at = @Now
            WHERE status = 'dead'{(id is null ? "" : " AND id = @Id")}
            """,
            new { Id = id ?? 0, Now = now }, cancellationToken: cancellationToken));
    }

    public async Task AuditAsync(string actor, string action, string subject, string detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_log (at, actor, action, detail) VALUES (@At, @Actor, @Action, @Detail)",
            new { At = now, Actor = actor, Action = action, Detail = $"{subject}: {detail}" }, cancellationToken: cancellationToken));
    }

    private static string Json(IReadOnlyList<string> ids) => JsonSerializer.Serialize(ids);

    private static IReadOnlyList<string> ParseIds(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private sealed class Row
    {
        public long Id { get; init; }
        public string ArticleKey { get; init; } = "";
        public long ArticleVersion { get; init; }
        public string Destination { get; init; } = "";
        public string Recipient { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Status { get; init; } = "";
        public long Attempts { get; init; }
        public DateTimeOffset NextAttemptAt { get; init; }
        public string? RemoteIds { get; init; }
        public string? LastError { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public DateTimeOffset? SentAt { get; init; }
        public DateTimeOffset? LeaseUntil { get; init; }

        public DeliveryRecord ToRecord() => new(Id, ArticleKey, (int)ArticleVersion, Destination, Recipient, DeliveryNames.ParseKind(Kind),
            DeliveryNames.ParseStatus(Status), (int)Attempts, NextAttemptAt, ParseIds(RemoteIds), LastError, CreatedAt, UpdatedAt, SentAt);
    }
}
