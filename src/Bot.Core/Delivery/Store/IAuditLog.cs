namespace Bot.Core.Delivery.Store;

/// <summary>The audit log: admin actions, dead letters, disabled destinations, bounced subscribers.</summary>
public interface IAuditLog
{
    Task AuditAsync(string actor, string action, string subject, string detail, DateTimeOffset now, CancellationToken cancellationToken);
}
