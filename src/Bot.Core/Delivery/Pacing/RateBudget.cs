namespace Bot.Core.Delivery.Pacing;

/// <summary>At most <see cref="Limit"/> requests in any <see cref="Window"/>, counted per <see cref="Scope"/>.</summary>
public sealed class RateBudget
{
    /// <summary>What is counted: the whole channel, or each target on its own. Default <see cref="RateScope.Channel"/>.</summary>
    public RateScope Scope { get; set; }

    /// <summary>Requests allowed per window; at least 1.</summary>
    public int Limit { get; set; }

    /// <summary>The sliding window the limit applies to.</summary>
    public TimeSpan Window { get; set; }

    public static RateBudget PerChannel(int limit, TimeSpan window) => new() { Scope = RateScope.Channel, Limit = limit, Window = window };

    public static RateBudget PerTarget(int limit, TimeSpan window) => new() { Scope = RateScope.Target, Limit = limit, Window = window };

    public RateBudget Copy() => new() { Scope = Scope, Limit = Limit, Window = Window };
}
