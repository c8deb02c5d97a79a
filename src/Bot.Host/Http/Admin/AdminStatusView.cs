using Bot.Core.Admin.Replies;

namespace Bot.Host.Http.Admin;

/// <summary><c>GET /admin/api/status</c>: each destination with its deliveries by state, the totals, and whether the store answered.</summary>
public sealed record AdminStatusView(bool StoreUp, IReadOnlyList<AdminDestinationStatus> Destinations, AdminDeliveryCounts Totals)
{
    public static AdminStatusView Of(AdminReply.Status status, AdminRedactor redactor)
    {
        var byName = status.Counts.ToLookup(c => c.Destination, StringComparer.Ordinal);
        return new AdminStatusView(
            status.StoreUp,
            [.. status.Destinations.Select(d => new AdminDestinationStatus(
                d.Name, d.Channel, d.Paused, d.Disabled, redactor.Redact(d.DisabledReason), AdminDeliveryCounts.Of(byName[d.Name])))],
            AdminDeliveryCounts.Of(status.Counts));
    }
}
