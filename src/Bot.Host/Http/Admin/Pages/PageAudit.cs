using Bot.Core.Audit;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>Writes what an admin did on the pages to the audit log, with the client address it came from.</summary>
public sealed class PageAudit(IAuditLog log, TimeProvider time)
{
    public const string Actor = "http:admin";
    public const string Action = "http-page";

    public Task WriteAsync(HttpContext context, string subject, string outcome, CancellationToken cancellationToken) =>
        log.AppendAsync(new AuditEntry(0, time.GetUtcNow(), Actor, Action, $"{subject}: {outcome}", ClientAddress.Of(context)), cancellationToken);
}
