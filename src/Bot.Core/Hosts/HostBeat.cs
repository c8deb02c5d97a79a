namespace Bot.Core.Hosts;

/// <summary>One heartbeat of a host.</summary>
/// <param name="Id">The host's lease owner: <c>Host:Name</c> and a suffix unique to the process.</param>
/// <param name="Name"><c>Host:Name</c>.</param>
/// <param name="StartedAt">When the process started, on its own clock.</param>
/// <param name="Singletons">The singletons it holds now.</param>
public sealed record HostBeat(string Id, string Name, DateTimeOffset StartedAt, IReadOnlyList<string> Singletons);
