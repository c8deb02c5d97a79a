namespace Bot.Core.Hosts;

/// <summary>
/// Elects this host, or another, to run each singleton. On PostgreSQL hosts compete through lease rows on the
/// database's clock (<see cref="StoreLeaderElector"/>); on SQLite the one host runs everything
/// (<see cref="AlwaysLeaderElector"/>). <see cref="LeaderElectorExtensions.RunWhileLeaderAsync"/> is how work uses it.
/// </summary>
public interface ILeaderElector
{
    /// <summary>The singletons this host holds now.</summary>
    IReadOnlyCollection<string> Held { get; }

    /// <summary>Raised (on any thread) when this host takes or loses a singleton.</summary>
    event Action? Changed;

    /// <summary>Makes this host a candidate for <paramref name="singleton"/> and waits until it holds it.</summary>
    Task<SingletonLease> AcquireAsync(string singleton, CancellationToken cancellationToken);

    /// <summary>This host no longer wants <paramref name="singleton"/>: it is given up at once if held, so another host takes it without waiting for the lease to run out.</summary>
    void Withdraw(string singleton);

    /// <summary>Records that the singleton's periodic work ran now; false when another host took it over meanwhile.</summary>
    Task<bool> MarkRunAsync(SingletonLease lease, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="key"/> in the bot's state only while this host holds <paramref name="singleton"/> (fenced by its term); false when it does not.</summary>
    Task<bool> SetStateAsync(string singleton, string key, string value, CancellationToken cancellationToken);

    /// <summary>Runs the election until <paramref name="stoppingToken"/>, then gives up everything this host holds.</summary>
    Task RunAsync(CancellationToken stoppingToken);

    /// <summary>Looks at the store now rather than at the next renewal: another host has just given a singleton up.</summary>
    void Wake();
}
