using System.Data.Common;
using Bot.Core.Subscriptions;
using Dapper;

namespace Bot.Storage.Subscribers;

/// <summary>Subscribers on the <c>subscribers</c> table, one SQL text for SQLite and PostgreSQL.</summary>
public sealed class SqlSubscriberStore(IDbConnectionFactory factory, TimeProvider time) : ISubscriberStore
{
    private const string Pending = "pending";
    private const string Active = "active";

    private const string Columns =
        "id AS Id, list AS List, email AS Email, name AS Name, status AS Status, created_at AS CreatedAt, updated_at AS UpdatedAt, confirmed_at AS ConfirmedAt";

    public async Task<Subscriber?> GetAsync(string list, string email, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriberRow>(new CommandDefinition(
            $"SELECT {Columns} FROM subscribers WHERE list = @List AND email = @Email",
            new { List = list, Email = email }, cancellationToken: cancellationToken));
        return row?.ToSubscriber();
    }

    public async IAsyncEnumerable<Subscriber> ListAsync(string? list, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var sql = list is null
            ? $"SELECT {Columns} FROM subscribers ORDER BY list, email"
            : $"SELECT {Columns} FROM subscribers WHERE list = @List ORDER BY email";
        await foreach (var row in connection.QueryUnbufferedAsync<SubscriberRow>(sql, new { List = list }).WithCancellation(cancellationToken))
        {
            yield return row.ToSubscriber();
        }
    }

    public Task<SubscriberChange> RequestAsync(string list, string email, string? name, CancellationToken cancellationToken) =>
        InWriteAsync(async (connection, transaction, now) =>
        {
            var status = await StatusForUpdateAsync(connection, transaction, list, email, cancellationToken);
            if (status is null)
            {
                await InsertAsync(connection, transaction, list, email, name, Pending, now, null, cancellationToken);
                return SubscriberChange.Added;
            }

            if (status == Active)
            {
                return SubscriberChange.Unchanged;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE subscribers SET status = 'pending', name = COALESCE(@Name, name), updated_at = @Now WHERE list = @List AND email = @Email",
                new { List = list, Email = email, Name = name, Now = now }, transaction, cancellationToken: cancellationToken));
            return SubscriberChange.Updated;
        }, cancellationToken);

    public async Task<SubscriberChange> ConfirmAsync(string list, string email, DateTimeOffset requestedNoLaterThan, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var now = time.GetUtcNow();
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE subscribers SET status = 'active', confirmed_at = @Now, updated_at = @Now
            WHERE list = @List AND email = @Email AND status = 'pending' AND updated_at <= @Limit
            """,
            new { List = list, Email = email, Now = now, Limit = requestedNoLaterThan }, cancellationToken: cancellationToken));
        return changed == 1 ? SubscriberChange.Updated : SubscriberChange.NotFound;
    }

    public Task<SubscriberChange> UnsubscribeAsync(string list, string email, CancellationToken cancellationToken) =>
        InWriteAsync(async (connection, transaction, now) =>
        {
            var status = await StatusForUpdateAsync(connection, transaction, list, email, cancellationToken);
            if (status is null)
            {
                return SubscriberChange.NotFound;
            }

            if (status is not (Active or Pending))
            {
                return SubscriberChange.Unchanged;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE subscribers SET status = 'unsubscribed', updated_at = @Now WHERE list = @List AND email = @Email",
                new { List = list, Email = email, Now = now }, transaction, cancellationToken: cancellationToken));
            return SubscriberChange.Updated;
        }, cancellationToken);

    public Task<SubscriberChange> AddActiveAsync(string list, string email, string? name, CancellationToken cancellationToken) =>
        InWriteAsync((connection, transaction, now) => AddActiveAsync(connection, transaction, list, email, name, now, cancellationToken), cancellationToken);

    public Task<SubscriberImportCounts> AddActiveAsync(IReadOnlyList<SubscriberImportRow> rows, CancellationToken cancellationToken) =>
        InWriteAsync(async (connection, transaction, now) =>
        {
            var counts = SubscriberImportCounts.None;
            foreach (var row in rows)
            {
                var change = await AddActiveAsync(connection, transaction, row.List, row.Email, row.Name, now, cancellationToken);
                counts = counts.Plus(change switch
                {
                    SubscriberChange.Added => new SubscriberImportCounts(1, 0, 0),
                    SubscriberChange.Updated => new SubscriberImportCounts(0, 1, 0),
                    _ => new SubscriberImportCounts(0, 0, 1),
                });
            }

            return counts;
        }, cancellationToken);

    public async Task<int> RemoveAsync(string? list, string email, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var sql = list is null
            ? "UPDATE subscribers SET status = 'unsubscribed', updated_at = @Now WHERE email = @Email AND status <> 'unsubscribed'"
            : "UPDATE subscribers SET status = 'unsubscribed', updated_at = @Now WHERE list = @List AND email = @Email AND status <> 'unsubscribed'";
        return await connection.ExecuteAsync(new CommandDefinition(
            sql, new { List = list, Email = email, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task MarkBouncedAsync(string list, string email, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscribers SET status = 'bounced', updated_at = @Now WHERE list = @List AND email = @Email AND status <> 'bounced'",
            new { List = list, Email = email, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    // An admin vouches for the address, so it is active at once; confirmed_at stays empty because it records
    // a double opt-in, the proof a mailbox provider may ask for, and no such proof exists here.
    private async Task<SubscriberChange> AddActiveAsync(
        DbConnection connection, DbTransaction transaction, string list, string email, string? name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = await StatusForUpdateAsync(connection, transaction, list, email, cancellationToken);
        if (status is null)
        {
            await InsertAsync(connection, transaction, list, email, name, Active, now, null, cancellationToken);
            return SubscriberChange.Added;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE subscribers SET status = 'active', name = COALESCE(@Name, name), updated_at = @Now
            WHERE list = @List AND email = @Email AND (status <> 'active' OR (@Name IS NOT NULL AND (name IS NULL OR name <> @Name)))
            """,
            new { List = list, Email = email, Name = name, Now = now }, transaction, cancellationToken: cancellationToken));
        return status != Active ? SubscriberChange.Updated : SubscriberChange.Unchanged;
    }

    private Task<string?> StatusForUpdateAsync(DbConnection connection, DbTransaction transaction, string list, string email, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            $"SELECT status FROM subscribers WHERE list = @List AND email = @Email{factory.Dialect.ForUpdate}",
            new { List = list, Email = email }, transaction, cancellationToken: cancellationToken));

    private static Task InsertAsync(
        DbConnection connection, DbTransaction transaction, string list, string email, string? name, string status, DateTimeOffset now, DateTimeOffset? confirmedAt, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO subscribers (list, email, name, status, created_at, updated_at, confirmed_at)
            VALUES (@List, @Email, @Name, @Status, @Now, @Now, @ConfirmedAt)
            """,
            new { List = list, Email = email, Name = name, Status = status, Now = now, ConfirmedAt = confirmedAt }, transaction, cancellationToken: cancellationToken));

    private Task<T> InWriteAsync<T>(Func<DbConnection, DbTransaction, DateTimeOffset, Task<T>> work, CancellationToken cancellationToken) =>
        factory.InWriteAsync((connection, transaction) => work(connection, transaction, time.GetUtcNow()), cancellationToken);
}
