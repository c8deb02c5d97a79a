namespace Bot.Core.Delivery.Outcomes;

/// <summary>How a computed backoff is spread so that many failed deliveries do not retry in lock-step.</summary>
public enum RetryJitter
{
    /// <summary>The plain exponential delay: <c>min(Max, Base·2^(n-1))</c>.</summary>
    None,
    /// <summary>Uniform in <c>[0, min(Max, Base·2^(n-1))]</c> (the "full jitter" of the AWS architecture blog).</summary>
    Full,
    /// <summary>Uniform in <c>[Base, 3·previous]</c>, capped at Max ("decorrelated jitter").</summary>
    Decorrelated,
}
