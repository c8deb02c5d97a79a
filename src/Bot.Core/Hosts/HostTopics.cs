namespace Bot.Core.Hosts;

/// <summary>What hosts tell each other about (<see cref="IHostSignals"/>).</summary>
public static class HostTopics
{
    /// <summary>An article version was imported: the planner plans it.</summary>
    public const string Articles = "articles";

    /// <summary>Deliveries became due (planned, requeued, resumed): every host claims.</summary>
    public const string Work = "work";

    /// <summary>A platform asked for a wait (429): every host reads the shared holds.</summary>
    public const string Holds = "holds";

    /// <summary>A host gave a singleton up: the others may take it now.</summary>
    public const string Singletons = "singletons";

    public static IReadOnlyList<string> All { get; } = [Articles, Work, Holds, Singletons];
}
