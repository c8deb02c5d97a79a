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
        var rows = await connection.QueryAsync<(string Email, string? Name)>(new CommandDefinition(
            """
            SELECT email, name FROM subscribers
            WHERE list = @List AND lower(email) IN @Emails AND status = 'active'
            ORDER BY id
            """,
            new { List = list, Emails = emails.Select(e => e.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray() },
            cancellationToken: cancellationToken));
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
            "UPDATE subscribers SET status = 'bounced', updated_at = @Now WHERE list = @List AND lower(email) = lower(@Email) AND (email = @Email OR lower(email) = @Email)",
            new { List = list, Email = email, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }
}
