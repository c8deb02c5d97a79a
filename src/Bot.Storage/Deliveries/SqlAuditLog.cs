using Bot.Core.Delivery.Store;
using Dapper;

namespace Bot.Storage.Deliveries;

/// <summary>The audit log table on SQLite or PostgreSQL.</summary>
public sealed class SqlAuditLog(IDbConnectionFactory factory) : IAuditLog
{
    public async Task AuditAsync(string actor, string action, string subject, string detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_log (at, actor, action, detail) VALUES (@At, @Actor, @Action, @Detail)",
            new { At = now, Actor = actor, Action = action, Detail = $"{subject}: {detail}" }, cancellationToken: cancellationToken));
    }
}
