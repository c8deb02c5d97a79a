using System.Data.Common;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Subscriptions;
using Dapper;

namespace Bot.Storage.ChatSubscriptions;

/// <summary>Private-chat subscribers on the <c>telegram_subscribers</c> table, one SQL text for SQLite and PostgreSQL.</summary>
public sealed class SqlTelegramSubscriberStore(IDbConnectionFactory factory, TimeProvider time) : ITelegramSubscriberStore
{
    private const string Columns =
        "id AS Id, chat_id AS ChatId, user_id AS UserId, name AS Name, topic AS Topic, status AS Status, reason AS Reason, created_at AS CreatedAt, updated_at AS UpdatedAt";

    // Unfinished deliveries to a chat that leaves; a delivery being sent right now is left to finish.
    private const string CancelQueued =
        """
        UPDATE deliveries SET status = 'cancelled', last_error = @Why, updated_at = @Now
        WHERE destination = @Destination AND recipient = @Recipient AND status IN ('queued', 'failed', 'held')
        """;

    public Task<SubscriberChange> SubscribeAsync(long chatId, long? userId, string? name, string? topic, CancellationToken cancellationToken) =>
        InWriteAsync(async (connection, transaction, now) =>
        {
            var current = await connection.QuerySingleOrDefaultAsync<TelegramSubscriberRow>(new CommandDefinition(
                $"SELECT {Columns} FROM telegram_subscribers WHERE chat_id = @ChatId{factory.Dialect.ForUpdate}",
                new { ChatId = chatId }, transaction, cancellationToken: cancellationToken));
            if (current is null)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO telegram_subscribers (chat_id, user_id, name, topic, status, created_at, updated_at)
                    VALUES (@ChatId, @UserId, @Name, @Topic, 'active', @Now, @Now)
                    """,
                    new { ChatId = chatId, UserId = userId, Name = name, Topic = topic, Now = now }, transaction, cancellationToken: cancellationToken));
                return SubscriberChange.Added;
            }

            var changed = current.Status != "active" || current.Topic != topic;
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                UPDATE telegram_subscribers
                SET status = 'active', reason = NULL, topic = @Topic, user_id = COALESCE(@UserId, user_id), name = COALESCE(@Name, name)
                    {(changed ? ", updated_at = @Now" : "")}
                WHERE chat_id = @ChatId
                """,
                new { ChatId = chatId, UserId = userId, Name = name, Topic = topic, Now = now }, transaction, cancellationToken: cancellationToken));
            return changed ? SubscriberChange.Updated : SubscriberChange.Unchanged;
        }, cancellationToken);

    public Task<SubscriberChange> UnsubscribeAsync(long chatId, CancellationToken cancellationToken) =>
        InWriteAsync(async (connection, transaction, now) =>
        {
            var status = await StatusForUpdateAsync(connection, transaction, chatId, cancellationToken);
            if (status is null) return SubscriberChange.NotFound;
            if (status != "active") return SubscriberChange.Unchanged;

            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE telegram_subscribers SET status = 'unsubscribed', updated_at = @Now WHERE chat_id = @ChatId",
                new { ChatId = chatId, Now = now }, transaction, cancellationToken: cancellationToken));
            await CancelQueuedAsync(connection, transaction, chatId, "the reader sent /stop", keepDeletes: true, now, cancellationToken);
            return SubscriberChange.Updated;
        }, cancellationToken);

    public Task<bool> MarkBlockedAsync(long chatId, string reason, CancellationToken cancellationToken) =>
        InWriteAsync(async (connection, transaction, now) =>
        {
            var status = await StatusForUpdateAsync(connection, transaction, chatId, cancellationToken);
            if (status is null) return false;

            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE telegram_subscribers SET status = 'blocked', reason = @Reason, updated_at = @Now WHERE chat_id = @ChatId",
                new { ChatId = chatId, Reason = reason, Now = now }, transaction, cancellationToken: cancellationToken));
            await CancelQueuedAsync(connection, transaction, chatId, "the chat refuses the bot: " + reason, keepDeletes: false, now, cancellationToken);
            return true;
        }, cancellationToken);

    public async Task<TelegramSubscriber?> GetAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TelegramSubscriberRow>(new CommandDefinition(
            $"SELECT {Columns} FROM telegram_subscribers WHERE chat_id = @ChatId", new { ChatId = chatId }, cancellationToken: cancellationToken));
        return row?.ToSubscriber();
    }

    public async Task<IReadOnlyDictionary<long, TelegramSubscriberStatus>> StatusesAsync(IReadOnlyCollection<long> chatIds, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<long, TelegramSubscriberStatus>();
        if (chatIds.Count == 0) return statuses;
        await using var connection = await factory.OpenAsync(cancellationToken);
        foreach (var chunk in chatIds.Distinct().Chunk(500))
        {
            // One named parameter per chat: Dapper hands a list to Npgsql as one array, which "IN" cannot take.
            var parameters = new DynamicParameters();
            for (var i = 0; i < chunk.Length; i++) parameters.Add("C" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), chunk[i]);
            var names = string.Join(", ", chunk.Select((_, i) => "@C" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var rows = await connection.QueryAsync<(long ChatId, string Status)>(new CommandDefinition(
                $"SELECT chat_id, status FROM telegram_subscribers WHERE chat_id IN ({names})", parameters, cancellationToken: cancellationToken));
            foreach (var (chat, status) in rows)
            {
                if (Enum.TryParse<TelegramSubscriberStatus>(status, ignoreCase: true, out var parsed)) statuses[chat] = parsed;
            }
        }
        return statuses;
    }

    public async Task<IReadOnlyDictionary<TelegramSubscriberStatus, long>> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
            "SELECT status, COUNT(*) FROM telegram_subscribers GROUP BY status", cancellationToken: cancellationToken));
        var counts = Enum.GetValues<TelegramSubscriberStatus>().ToDictionary(s => s, _ => 0L);
        foreach (var (status, count) in rows)
        {
            counts[Enum.Parse<TelegramSubscriberStatus>(status, ignoreCase: true)] = count;
        }
        return counts;
    }

    private Task<string?> StatusForUpdateAsync(DbConnection connection, DbTransaction transaction, long chatId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            $"SELECT status FROM telegram_subscribers WHERE chat_id = @ChatId{factory.Dialect.ForUpdate}",
            new { ChatId = chatId }, transaction, cancellationToken: cancellationToken));

    private static Task CancelQueuedAsync(
        DbConnection connection, DbTransaction transaction, long chatId, string why, bool keepDeletes, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            keepDeletes ? CancelQueued + " AND kind <> 'delete'" : CancelQueued,
            new
            {
                Destination = TelegramSubscriberDestination.Name,
                Recipient = chatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Why = why,
                Now = now,
            },
            transaction, cancellationToken: cancellationToken));

    private Task<T> InWriteAsync<T>(Func<DbConnection, DbTransaction, DateTimeOffset, Task<T>> work, CancellationToken cancellationToken) =>
        factory.InWriteAsync((connection, transaction) => work(connection, transaction, time.GetUtcNow()), cancellationToken);
}
