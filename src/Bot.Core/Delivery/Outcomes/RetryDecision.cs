namespace Bot.Core.Delivery.Outcomes;

/// <summary>What to do after a transient failure.</summary>
public abstract record RetryDecision
{
    /// <summary>Try again at <paramref name="At"/>, <paramref name="Delay"/> from now.</summary>
    public sealed record RetryAt(DateTimeOffset At, TimeSpan Delay) : RetryDecision;

    /// <summary>Attempts are exhausted: the delivery is dead.</summary>
    public sealed record GiveUp(int Attempts) : RetryDecision;
}
