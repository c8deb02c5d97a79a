namespace Bot.Core.Hosts;

/// <summary>The hosts sharing a store, each with its last heartbeat on the store's clock.</summary>
public interface IHostRegistry
{
    /// <summary>Writes this host's heartbeat: it is alive now and holds <see cref="HostBeat.Singletons"/>.</summary>
    Task BeatAsync(HostBeat beat, CancellationToken cancellationToken);

    /// <summary>Every host that has beaten and not signed off, oldest first.</summary>
    Task<IReadOnlyList<HostRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>A host that stops signs off.</summary>
    Task RemoveAsync(string id, CancellationToken cancellationToken);

    /// <summary>Forgets hosts whose last heartbeat is older than <paramref name="silentFor"/> (they died); returns how many.</summary>
    Task<int> RemoveSilentAsync(TimeSpan silentFor, CancellationToken cancellationToken);
}
