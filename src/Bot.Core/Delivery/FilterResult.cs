namespace Bot.Core.Delivery;

/// <summary>How an article fared against a destination's filter.</summary>
public enum FilterResult
{
    Match,
    NoMatch,
    /// <summary>The pattern ran out of time; treated as no match.</summary>
    PatternTimedOut,
}
