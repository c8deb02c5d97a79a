namespace Bot.Core.Audit;

/// <summary>The audit log of admin actions and notable events (the <c>audit_log</c> table), with where each came from.</summary>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="entry"/>; its <see cref="AuditEntry.Id"/> is ignored.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Appends an event with no origin: the engine's own events, and surfaces that record none.</summary>
    Task AuditAsync(string actor, string action, string subject, string detail, DateTimeOffset now, CancellationToken cancellationToken) =>
        AppendAsync(new AuditEntry(0, now, actor, action, $"{subject}: {detail}", null), cancellationToken);

    /// <summary>The newest rows first, at most <paramref name="limit"/>, only those older than <paramref name="beforeId"/> when given.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(int limit, long? beforeId, CancellationToken cancellationToken);
}
