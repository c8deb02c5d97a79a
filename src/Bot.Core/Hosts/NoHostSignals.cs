namespace Bot.Core.Hosts;

/// <summary>The signals of a store with one host (SQLite): in-process wake-ups already cover everything.</summary>
public sealed class NoHostSignals : IHostSignals
{
    public static NoHostSignals Instance { get; } = new();

    public void Publish(string topic)
    {
    }
}
