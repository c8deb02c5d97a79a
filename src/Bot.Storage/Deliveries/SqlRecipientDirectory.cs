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
    public async Task<EmailRecipient?> FindAsync(string list, string email, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<(string? Email, string? Name)>(new CommandDefinition(
            """
            SELECT email, name FROM subscribers
            WHERE list = @List AND status = 'active' AND (email = @Email OR lower(email) = @Email)
            ORDER BY id LIMIT 1
            """,
            new { List = list, Email = email }, cancellationToken: cancellationToken));
        return row.Email is { } found ? new EmailRecipient(found, row.Name, unsubscribeUrl?.Invoke(list, found)) : null;
    }

    public async Task MarkBouncedAsync(string list, string email, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscribers SET status = 'bounced', updated_at = @Now WHERE list = @List AND (email = @Email OR lower(email) = @Email)",
            new { List = list, Email = email, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }
}
