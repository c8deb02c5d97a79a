namespace Bot.Host.Http.Admin;

/// <summary>One row of <c>GET /admin/api/status</c>.</summary>
public sealed record AdminDestinationStatus(
    string Name,
    string Channel,
    bool Paused,
    bool Disabled,
    string? DisabledReason,
    AdminDeliveryCounts Deliveries);
