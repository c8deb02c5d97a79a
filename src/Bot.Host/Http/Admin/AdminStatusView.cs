namespace Bot.Host.Http.Admin;

/// <summary><c>GET /admin/api/status</c>: each destination with its deliveries by state, the totals, and whether the store answered.</summary>
public sealed record AdminStatusView(bool StoreUp, IReadOnlyList<AdminDestinationStatus> Destinations, AdminDeliveryCounts Totals);
