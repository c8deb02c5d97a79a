namespace Bot.Core.Audit;

/// <summary>One row of the audit log.</summary>
/// <param name="Id">Ascending in the order rows were written; 0 for a row not yet written.</param>
/// <param name="Actor">Who: <c>telegram:USER</c>, <c>discord:USER</c>, <c>http:admin</c>, <c>dispatcher</c>, …; the part before the colon names the surface.</param>
/// <param name="Action">What kind of event, e.g. <c>http-page</c>, <c>telegram-command</c>, <c>delivery-dead</c>.</param>
/// <param name="Detail">The subject and the outcome, <c>subject: outcome</c>.</param>
/// <param name="Origin">From where: the client address of an HTTP request, <c>chat:ID</c> for Telegram, <c>guild:ID/channel:ID</c> for Discord; null for the CLI and the engine.</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string? Detail, string? Origin);
