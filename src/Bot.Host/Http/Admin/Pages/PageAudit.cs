using System.Net;
using Bot.Core.Audit;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>Writes what an admin did on the pages to the audit log, with the client address it came from.</summary>
public sealed class PageAudit(IAuditLog log, TimeProvider time)
{
    public const string Actor = "http:admin";
    public const string Action = "http-page";

    public Task WriteAsync(HttpContext context, string subject, string outcome, CancellationToken cancellationToken) =>
        log.AppendAsync(new AuditEntry(0, time.GetUtcNow(), Actor, Action, $"{subject}: {outcome}", ClientAddress(context)), cancellationToken);

    /// <summary>The client's address as the pipeline sees it (after forwarded headers from trusted proxies, where configured).</summary>
    public static string? ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        return address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
