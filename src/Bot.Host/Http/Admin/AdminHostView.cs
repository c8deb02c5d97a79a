namespace Bot.Host.Http.Admin;

/// <summary>One live host in <c>GET /admin/api/hosts</c>.</summary>
/// <param name="LastHeartbeatSecondsAgo">How long ago it last wrote its heartbeat, on the store's clock.</param>
public sealed record AdminHostView(string Id, string Name, DateTimeOffset StartedAt, double LastHeartbeatSecondsAgo, IReadOnlyList<string> Singletons);
