using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http;

/// <summary>The client's address as the audit log records it, for every HTTP surface alike.</summary>
public static class ClientAddress
{
    /// <summary>As the pipeline sees it (after forwarded headers from trusted proxies, where configured); IPv4 without its IPv6 mapping.</summary>
    public static string? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        return address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
