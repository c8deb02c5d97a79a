using Bot.Core.Audit;
using Dapper;

namespace Bot.Storage.Audit;

/// <summary><see cref="IAuditLog"/> on the <c>audit_log</c> table (its <c>origin</c> column comes with migration 0013).</summary>
public sealed class SqlAuditLog(IDbConnectionFactory factory) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_log (at, actor, action, detail, origin) VALUES (@At, @Actor, @Action, @Detail, @Origin)",
            new { entry.At, entry.Actor, entry.Action, entry.Detail, entry.Origin }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int limit, long? beforeId, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT id, at, actor, action, detail, origin FROM audit_log
            {(beforeId is null ? "" : "WHERE id < @Before")}
            ORDER BY id DESC LIMIT @Limit
            """,
            new { Before = beforeId ?? 0, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditEntry(r.Id, r.At, r.Actor, r.Action, r.Detail, r.Origin))];
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public DateTimeOffset At { get; init; }
        public string Actor { get; init; } = "";
        public string Action { get; init; } = "";
        public string? Detail { get; init; }
        public string? Origin { get; init; }
    }
}
