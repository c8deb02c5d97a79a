using System.Text;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Store;
using Dapper;

namespace Bot.Storage.Deliveries;

/// <summary>The outbox as people read it, on SQLite or PostgreSQL.</summary>
public sealed class SqlDeliveryQueries(IDbConnectionFactory factory) : IDeliveryQueries
{
    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(DeliveryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new StringBuilder("WHERE 1 = 1");
        if (query.Status is not null) where.Append(" AND status = @Status");
        if (query.ArticleKey is not null) where.Append(" AND article_key = @Key");
        if (query.Destination is not null) where.Append(" AND destination = @Destination");
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT id AS Id, article_key AS ArticleKey, article_version AS ArticleVersion, destination AS Destination, recipient AS Recipient,
                   kind AS Kind, status AS Status, attempts AS Attempts, next_attempt_at AS NextAttemptAt, remote_ids AS RemoteIds,
                   last_error AS LastError, created_at AS CreatedAt, updated_at AS UpdatedAt, sent_at AS SentAt
            FROM deliveries {where} ORDER BY id DESC LIMIT @Limit
            """,
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

        public DeliveryRecord ToRecord() => new(Id, ArticleKey, (int)ArticleVersion, Destination, Recipient, DeliveryNames.ParseKind(Kind),
            DeliveryNames.ParseStatus(Status), (int)Attempts, NextAttemptAt, RemoteIdsJson.Read(RemoteIds), LastError, CreatedAt, UpdatedAt, SentAt);
    }
}
