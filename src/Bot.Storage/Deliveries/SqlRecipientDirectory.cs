using Bot.Core.Delivery;
using Bot.Core.Rendering;
using Dapper;

namespace Bot.Storage.Deliveries;

/// <summary>
/// Email list members from the <c>subscribers</c> table. <paramref name="unsubscribeUrl"/> builds a member's
/// one-click link from list and address; without it emails carry none.
/// </summary>
public sealed class SqlRecipientDirectory(IDbConnectionFactory factory, TimeProvider time, Func<string, string, string?>? unsubscribeUrl = null)
    : IRecipientDirectory
{
    // lower(email) = lower(@Email) adds nothing to the match; it lets both databases use the (list, lower(email))
    // index instead of scanning the list once per delivery.
    public async Task<EmailRecipient?> FindAsync(string list, string email, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<(string? Email, string? Name)>(new CommandDefinition(
            """
            SELECT email, name FROM subscribers
            WHERE list = @List AND lower(email) = lower(@Email) AND status = 'active' AND (email = @Email OR lower(email) = @Email)
            ORDER BY id LIMIT 1
            """,
            new { List = list, Email = email }, cancellationToken: cancellationToken));
        return row.Email is { } found ? new EmailRecipient(found, row.Name, unsubscribeUrl?.Invoke(list, found)) : null;
    }

    public async Task<IReadOnlyDictionary<string, EmailRecipient>> FindManyAsync(string list, IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, EmailRecipient>(emails.Count, StringComparer.Ordinal);
        if (emails.Count == 0) return found;
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var parameters = new ValuesRows(command);
        var addresses = string.Join(", ", emails.Select(e => e.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Select(parameters.Parameter));
        // An IN list of our own parameters: Dapper expands "IN @Emails" on SQLite but hands Npgsql an array,
        // which PostgreSQL cannot read after IN. The status is checked below, not in SQL: with
        // "status = 'active'" and a few hundred addresses, SQLite (which keeps no statistics) chose the
        // (list, status) index and read every active member of the list for each claimed batch, so a
        // million-member fan-out slowed to a crawl.
        command.CommandText =
            $"""
            SELECT email, name, status FROM subscribers
            WHERE list = {parameters.Parameter(list)} AND lower(email) IN ({addresses})
            ORDER BY id
            """;
        var rows = new List<(string Email, string? Name)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetString(2) == "active") rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }
        }

        var byAddress = new Dictionary<string, (string Email, string? Name)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            byAddress.TryAdd(row.Email, row);
            byAddress.TryAdd(row.Email.ToLowerInvariant(), row);
        }

        // The same match as FindAsync, the address itself or its lower-cased form, oldest subscription first. An
        // address the database lower-cases differently from .NET is left out and looked up by FindAsync.
        foreach (var email in emails)
        {
            if (byAddress.TryGetValue(email, out var row))
            {
                found[email] = new EmailRecipient(row.Email, row.Name, unsubscribeUrl?.Invoke(list, row.Email));
            }
        }
        return found;
    }

    public async Task MarkBouncedAsync(string list, string email, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE subscribers SET status = 'bounced', updated_at = @Now
            WHERE list = @List AND lower(email) = lower(@Email) AND (email = @Email OR lower(email) = @Email) AND status IN ('active', 'pending')
            """,
            new { List = list, Email = email, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }
}
