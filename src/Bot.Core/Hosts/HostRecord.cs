namespace Bot.Core.Hosts;

/// <summary>A host as the store knows it.</summary>
/// <param name="SinceSeen">How long ago its last heartbeat was written, on the store's clock.</param>
public sealed record HostRecord(string Id, string Name, DateTimeOffset StartedAt, DateTimeOffset SeenAt, TimeSpan SinceSeen, IReadOnlyList<string> Singletons)
{
    /// <summary>Alive: it has beaten within one lease (<see cref="ElectionOptions.Lease"/>).</summary>
    public bool IsLive(TimeSpan lease) => SinceSeen <= lease;
}
