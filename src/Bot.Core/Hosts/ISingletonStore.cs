namespace Bot.Core.Hosts;

/// <summary>
/// Singleton leases in the store, on its clock: a lease runs until the store's now plus its length, a holder renews it,
/// anyone takes it once it has run out, and every change of holder raises its term by one.
/// </summary>
public interface ISingletonStore
{
    /// <summary>
    /// Renews the leases of <paramref name="names"/> that <paramref name="owner"/> holds and takes those that are free or
    /// have run out, each for <paramref name="lease"/> from now; returns the ones <paramref name="owner"/> holds now.
    /// </summary>
    Task<IReadOnlyList<SingletonTerm>> TakeAsync(string owner, IReadOnlyCollection<string> names, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Ends <paramref name="owner"/>'s leases of <paramref name="names"/> now, so another host takes them at once.</summary>
    Task ReleaseAsync(string owner, IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    /// <summary>Records that the singleton's work ran now, if <paramref name="owner"/> still holds it in <paramref name="term"/>.</summary>
    Task<bool> MarkRunAsync(string name, string owner, long term, CancellationToken cancellationToken);

    /// <summary>Writes a <c>bot_state</c> value if <paramref name="owner"/> still holds <paramref name="name"/> in <paramref name="term"/>: a holder that was taken over writes nothing.</summary>
    Task<bool> SetStateAsync(string name, string owner, long term, string key, string value, CancellationToken cancellationToken);

    /// <summary>Every singleton lease with its holder, term and time left, for people.</summary>
    Task<IReadOnlyList<SingletonHolder>> ListAsync(CancellationToken cancellationToken);
}
