namespace Bot.Core.Delivery.Timing;

/// <summary>At most <see cref="Limit"/> sends in any <see cref="Window"/>, counted per <see cref="Scope"/>.</summary>
public sealed class RateBudget
{
    public RateScope Scope { get; set; }

    /// <summary>Sends allowed per window; at least 1.</summary>
    public int Limit { get; set; }

    /// <summary>The sliding window the limit applies to.</summary>
    public TimeSpan Window { get; set; }

    public static RateBudget PerChannel(int limit, TimeSpan window) => new() { Scope = RateScope.Channel, Limit = limit, Window = window };

    public static RateBudget PerTarget(int limit, TimeSpan window) => new() { Scope = RateScope.Target, Limit = limit, Window = window };
}
