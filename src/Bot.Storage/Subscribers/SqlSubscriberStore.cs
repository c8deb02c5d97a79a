using System.Data.Common;
using Bot.Core.Subscriptions;
using Dapper;

namespace Bot.Storage.Subscribers;

/// <summary>Subscribers on the <c>subscribers</c> table, one SQL text for SQLite and PostgreSQL.</summary>
public sealed class SqlSubscriberStore(IDbConnectionFactory factory, TimeProvider time) : ISubscriberStore
{
    private const string Columns =
        "id AS Id, list AS List, email AS Email, name AS Name, status AS Status, created_at AS CreatedAt, updated_at AS UpdatedAt, " +
        "confirmed_at AS ConfirmedAt, requested_at AS RequestedAt";

    private const string Where = "WHERE list = @List AND email = @Email";

    public async Task<Subscriber?> GetAsync(string list, string email, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriberRow>(new CommandDefinition(
            $"SELECT {Columns} FROM subscribers {Where}",
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

    public Task<SubscriberRequest> RequestAsync(string list, string email, string? name, DateTimeOffset lastMailBefore, CancellationToken cancellationToken) =>
        InWriteAsync(async (connection, transaction, now) =>
        {
            var key = new { List = list, Email = email };
            var row = await RowForUpdateAsync(connection, transaction, list, email, cancellationToken);
            if (row is null)
            {
                await InsertAsync(connection, transaction, list, email, name, SubscriberStatus.Pending, now, cancellationToken);
                return new SubscriberRequest(SubscriberStatus.Pending, name, MailDue: true);
            }

            var current = row.ToSubscriber();
            var mailDue = current.RequestedAt is not { } mailed || mailed <= lastMailBefore;
            if (!mailDue)
            {
                // Nothing to change, yet the row is written all the same: an answer that came back sooner for a
                // recently requested address than for an unknown one would tell who asked to subscribe.
                await connection.ExecuteAsync(new CommandDefinition(
                    $"UPDATE subscribers SET requested_at = requested_at {Where}", key, transaction, cancellationToken: cancellationToken));
                return new SubscriberRequest(current.Status, current.Name, MailDue: false);
            }

            if (current.Status == SubscriberStatus.Active)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"UPDATE subscribers SET requested_at = @Now {Where}", new { key.List, key.Email, Now = now }, transaction, cancellationToken: cancellationToken));
                return new SubscriberRequest(SubscriberStatus.Active, current.Name, MailDue: true);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE subscribers SET status = 'pending', name = COALESCE(@Name, name), updated_at = @Now, requested_at = @Now {Where}",
                new { key.List, key.Email, Name = name, Now = now }, transaction, cancellationToken: cancellationToken));
            return new SubscriberRequest(SubscriberStatus.Pending, name ?? current.Name, MailDue: true);
        }, cancellationToken);

    public async Task<SubscriberChange> ConfirmAsync(string list, string email, DateTimeOffset requestedNoLaterThan, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var now = time.GetUtcNow();
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE subscribers SET status = 'active', confirmed_at = @Now, updated_at = @Now {Where} AND status = 'pending' AND updated_at <= @Limit",
            new { List = list, Email = email, Now = now, Limit = requestedNoLaterThan }, cancellationToken: cancellationToken));
        return changed == 1 ? SubscriberChange.Updated : SubscriberChange.NotFound;
    }

    public Task<SubscriberChange> UnsubscribeAsync(string list, string email, CancellationToken cancellationToken) =>
        InWriteAsync(async (connection, transaction, now) =>
        {
            var row = await RowForUpdateAsync(connection, transaction, list, email, cancellationToken);
            if (row is null)
            {
                return SubscriberChange.NotFound;
            }

            if (row.ToSubscriber().Status is not (SubscriberStatus.Active or SubscriberStatus.Pending))
            {
                return SubscriberChange.Unchanged;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE subscribers SET status = 'unsubscribed', updated_at = @Now {Where}",
                new { List = list, Email = email, Now = now }, transaction, cancellationToken: cancellationToken));
            return SubscriberChange.Updated;
        }, cancellationToken);

    public Task<SubscriberAdd> AddActiveAsync(string list, string email, string? name, CancellationToken cancellationToken) =>
        InWriteAsync((connection, transaction, now) => AddActiveAsync(connection, transaction, list, email, name, now, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<SubscriberAdd>> AddActiveAsync(IReadOnlyList<SubscriberImportRow> rows, CancellationToken cancellationToken) =>
        InWriteAsync<IReadOnlyList<SubscriberAdd>>(async (connection, transaction, now) =>
        {
            var outcomes = new SubscriberAdd[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                outcomes[i] = await AddActiveAsync(connection, transaction, rows[i].List, rows[i].Email, rows[i].Name, now, cancellationToken);
            }

            return outcomes;
        }, cancellationToken);

    public async Task<SubscriberChange> ReactivateAsync(string list, string email, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE subscribers SET status = 'active', updated_at = @Now {Where} AND status = 'bounced'",
            new { List = list, Email = email, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
        return changed == 1 ? SubscriberChange.Updated : SubscriberChange.NotFound;
    }

    public async Task<int> RemoveAsync(string? list, string email, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var sql = list is null
            ? "UPDATE subscribers SET status = 'unsubscribed', updated_at = @Now WHERE email = @Email AND status <> 'unsubscribed'"
            : $"UPDATE subscribers SET status = 'unsubscribed', updated_at = @Now {Where} AND status <> 'unsubscribed'";
        return await connection.ExecuteAsync(new CommandDefinition(
            sql, new { List = list, Email = email, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task MarkBouncedAsync(string list, string email, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE subscribers SET status = 'bounced', updated_at = @Now {Where} AND status IN ('active', 'pending')",
            new { List = list, Email = email, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    // An admin vouches for the address, so a new or pending one is active at once; confirmed_at stays empty because
    // it records a double opt-in, the proof a mailbox provider may ask for, and no such proof exists here. An
    // unsubscribe or a bounce is never undone by a list the admin happens to hold: mailing someone who left is a
    // compliance failure, and a dead mailbox costs sender reputation.
    private async Task<SubscriberAdd> AddActiveAsync(
        DbConnection connection, DbTransaction transaction, string list, string email, string? name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await RowForUpdateAsync(connection, transaction, list, email, cancellationToken);
        if (row is null)
        {
            await InsertAsync(connection, transaction, list, email, name, SubscriberStatus.Active, now, cancellationToken);
            return SubscriberAdd.Added;
        }

        var status = row.ToSubscriber().Status;
        switch (status)
        {
            case SubscriberStatus.Unsubscribed:
                return SubscriberAdd.KeptUnsubscribed;
            case SubscriberStatus.Bounced:
                return SubscriberAdd.KeptBounced;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE subscribers SET status = 'active', name = COALESCE(@Name, name), updated_at = @Now
            {Where} AND (status <> 'active' OR (@Name IS NOT NULL AND (name IS NULL OR name <> @Name)))
            """,
            new { List = list, Email = email, Name = name, Now = now }, transaction, cancellationToken: cancellationToken));
        return status == SubscriberStatus.Active ? SubscriberAdd.Unchanged : SubscriberAdd.Activated;
    }

    private Task<SubscriberRow?> RowForUpdateAsync(DbConnection connection, DbTransaction transaction, string list, string email, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<SubscriberRow>(new CommandDefinition(
            $"SELECT {Columns} FROM subscribers {Where}{factory.Dialect.ForUpdate}",
            new { List = list, Email = email }, transaction, cancellationToken: cancellationToken));

    private static Task InsertAsync(
        DbConnection connection, DbTransaction transaction, string list, string email, string? name, SubscriberStatus status, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO subscribers (list, email, name, status, created_at, updated_at, requested_at)
            VALUES (@List, @Email, @Name, @Status, @Now, @Now, @RequestedAt)
            """,
            new
            {
                List = list,
                Email = email,
                Name = name,
                Status = status.ToString().ToLowerInvariant(),
                Now = now,
                RequestedAt = status == SubscriberStatus.Pending ? now : (DateTimeOffset?)null,
            },
            transaction,
            cancellationToken: cancellationToken));

    private Task<T> InWriteAsync<T>(Func<DbConnection, DbTransaction, DateTimeOffset, Task<T>> work, CancellationToken cancellationToken) =>
        factory.InWriteAsync((connection, transaction) => work(connection, transaction, time.GetUtcNow()), cancellationToken);
}
