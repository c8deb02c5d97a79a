namespace Bot.Core.Delivery.Pacing;

/// <summary>How often a host exchanges with the shared budgets, and how long what it holds lasts (<see cref="SharedSendPacer"/>).</summary>
public sealed record SharedPacingTimings
{
    /// <summary>Between exchanges while this host holds or wants anything. Default 250 ms.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>At least this between two exchanges, however often a send asks. Default 20 ms.</summary>
    public TimeSpan MinGap { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long a share row lives unless renewed; a host that died frees its share this long after its last exchange (plus the window and <see cref="Margin"/>). Default 2 s.</summary>
    public TimeSpan ShareLease { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after sending an exchange that went through the host uses its share: less than <see cref="ShareLease"/>. Default 1.5 s.</summary>
    public TimeSpan ShareTrust { get; init; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>How long a target stays with a host unless renewed. Default 5 s.</summary>
    public TimeSpan TargetLease { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long after sending an exchange that went through the host sends to a target it holds. Default 4 s.</summary>
    public TimeSpan TargetTrust { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>How much longer than its window a request given back, or made by a host that died, still counts: the time it may take to reach the platform. Default 250 ms.</summary>
    public TimeSpan Margin { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A host wants a share while a send asked for room within this. Default 1 s.</summary>
    public TimeSpan DemandWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A target nothing was sent to for this long goes back, with its requests, to whichever host sends next. Default 300 ms.</summary>
    public TimeSpan TargetIdle { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>When a send finds no share or target yet: come back this much later, once the exchange it set off is done. Default 50 ms.</summary>
    public TimeSpan AskWait { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long the exchange sleeps when this host holds and wants nothing. Default 5 s.</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(5);
}
