using Bot.Core.Delivery.Planning;
using Bot.Core.Delivery.Store;
using Dapper;

namespace Bot.Storage.Deliveries;

/// <summary>The planning side of the outbox on SQLite or PostgreSQL, one SQL text for both.</summary>
public sealed class SqlPlanningStore(IDbConnectionFactory factory, TimeProvider time) : IPlanningStore
{
    public async Task<IReadOnlyList<ArticleVersionRef>> ListUnplannedAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Key, long Version)>(new CommandDefinition(
            """
            SELECT v.key, v.version
            FROM article_versions v
            WHERE NOT EXISTS (SELECT 1 FROM delivery_plans p WHERE p.article_key = v.key AND p.article_version = v.version)
              AND NOT EXISTS (SELECT 1 FROM article_versions w
                              WHERE w.key = v.key AND w.version < v.version
                                AND NOT EXISTS (SELECT 1 FROM delivery_plans q WHERE q.article_key = w.key AND q.article_version = w.version))
            ORDER BY v.received_at, v.key, v.version
            LIMIT @Limit
            """,
            new { Limit = (long)limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ArticleVersionRef(r.Key, (int)r.Version))];
    }

    public async Task<bool> TryClaimPlanningAsync(ArticleVersionRef version, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var writer = await factory.Dialect.EnterWriterAsync(connection, cancellationToken);
        await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
        var parameters = new DynamicParameters(new { Key = version.ArticleKey, Version = (long)version.Version, Owner = owner });
        var clock = new StoreClock(factory.Dialect, now);
        var planned = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM delivery_plans WHERE article_key = @Key AND article_version = @Version",
            parameters, transaction, cancellationToken: cancellationToken));
        var claimed = planned == 0 && (await connection.QueryAsync<string>(new CommandDefinition(
            $"""
            INSERT INTO planning_claims (article_key, article_version, planner, lease_until) VALUES (@Key, @Version, @Owner, {clock.At(parameters, "Until", leaseUntil)})
            ON CONFLICT (article_key, article_version) DO UPDATE SET planner = excluded.planner, lease_until = excluded.lease_until
            WHERE planning_claims.lease_until <= {clock.Now(parameters)} OR planning_claims.planner = excluded.planner
            RETURNING article_key
            """,
            parameters, transaction, cancellationToken: cancellationToken))).Any();
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    public async Task MarkPlannedAsync(ArticleVersionRef version, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var writer = await factory.Dialect.EnterWriterAsync(connection, cancellationToken);
        await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
        var parameters = new { Key = version.ArticleKey, Version = (long)version.Version, Now = time.GetUtcNow() };
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO delivery_plans (article_key, article_version, planned_at)
            SELECT v.key, v.version, @Now FROM article_versions v WHERE v.key = @Key AND v.version = @Version
            ON CONFLICT (article_key, article_version) DO NOTHING
            """,
            parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM planning_claims WHERE article_key = @Key AND article_version = @Version",
            parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<AnnouncementHistory> GetHistoryAsync(string articleKey, int beforeVersion, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Destination, long Generation, long State)>(new CommandDefinition(
            $"""
            SELECT destination, generation,
                   MAX(CASE WHEN status = 'sent' THEN 2 WHEN status IN {DeliverySql.Unfinished} THEN 1 ELSE 0 END)
            FROM deliveries
            WHERE article_key = @Key AND article_version < @Before AND kind = 'announce'
            GROUP BY destination, generation
            """,
            new { Key = articleKey, Before = (long)beforeVersion }, cancellationToken: cancellationToken));
        return new AnnouncementHistory(rows.Select(r => new AnnouncementThread(
            r.Destination, (int)r.Generation, r.State switch { 2 => AnnouncementState.Sent, 1 => AnnouncementState.Pending, _ => AnnouncementState.None })));
    }

    public async Task<int> AddAsync(IReadOnlyList<PlannedDelivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0) return 0;
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var writer = await factory.Dialect.EnterWriterAsync(connection, cancellationToken);
        await using var transaction = await factory.Dialect.BeginWriteAsync(connection, cancellationToken);
        var created = await DeliveryInserter.InsertAsync(connection, transaction, deliveries, new StoreClock(factory.Dialect, time.GetUtcNow()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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
              WHERE article_key = @Key AND destination = @List AND kind = 'announce' AND generation = @Generation
                AND status = 'sent' AND recipient <> '' AND id > @After
              ORDER BY id LIMIT @Limit
              """;
        var page = fanOut.Source is FanOutSource.ChatSubscribers or FanOutSource.AnnouncedChats
            ? await ChatFanOutPage.ReadAsync(connection, transaction, fanOut, afterId, pageSize, cancellationToken)
            : (await connection.QueryAsync<(long Id, string Email)>(new CommandDefinition(
                sql,
                new { List = fanOut.Destination, Key = fanOut.ArticleKey, Generation = (long)fanOut.Generation, After = afterId, Limit = (long)pageSize },
                transaction, cancellationToken: cancellationToken)))
            .Select(r => new FanOutRecipient(r.Id, r.Email)).ToList();
        var batch = FanOutBatch.From(fanOut, afterId, page, pageSize);
        var created = await DeliveryInserter.InsertAsync(connection, transaction, batch.Deliveries, new StoreClock(factory.Dialect, time.GetUtcNow()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FanOutProgress(created, batch.NextCursor, batch.Done);
    }

    public async Task<int> CancelPendingAsync(string articleKey, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE deliveries SET status = 'cancelled', last_error = @Reason, updated_at = @Now
            WHERE article_key = @Key AND kind <> 'delete' AND status IN ('queued', 'failed', 'held') AND COALESCE(remote_ids, '[]') = '[]'
            """,
            new { Key = articleKey, Reason = reason, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }
}
