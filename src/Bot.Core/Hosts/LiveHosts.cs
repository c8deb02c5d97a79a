namespace Bot.Core.Hosts;

/// <summary>The hosts alive now: those whose heartbeat is no older than one lease (<see cref="ElectionOptions.Lease"/>), oldest first.</summary>
public sealed class LiveHosts(IHostRegistry registry, ElectionOptions options)
{
    public TimeSpan Lease => options.Lease;

    public async Task<IReadOnlyList<HostRecord>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await registry.ListAsync(cancellationToken)).Where(h => h.IsLive(options.Lease))];
}
