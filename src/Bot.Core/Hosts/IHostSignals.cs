namespace Bot.Core.Hosts;

/// <summary>
/// Wake-ups between hosts sharing a store (PostgreSQL's NOTIFY): an article imported on one host is planned on another
/// within milliseconds instead of at its next poll. A signal is a hint, never the only way work is found: one sent
/// while a host was not listening is lost, and every host keeps polling as the fallback.
/// </summary>
public interface IHostSignals
{
    /// <summary>Tells every host listening on this store, this one included, about <paramref name="topic"/> (<see cref="HostTopics"/>); never waits or throws.</summary>
    void Publish(string topic);
}
