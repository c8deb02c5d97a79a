namespace Bot.Core.Delivery.Outcomes;

/// <summary>How failed deliveries are retried (configuration section <c>Delivery:Retry</c>).</summary>
public sealed class RetryOptions
{
    /// <summary>The delay before the first retry, before jitter. Default 2 seconds.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest computed delay. A platform's retry-after may exceed it: it is never cut. Default 15 minutes.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Attempts in all, the first included, before a delivery is dead. Default 10.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How delays are spread. Default <see cref="RetryJitter.Full"/>.</summary>
    public RetryJitter Jitter { get; set; } = RetryJitter.Full;

    /// <summary>The problems with these values, each naming its key under <paramref name="section"/>.</summary>
    public IEnumerable<string> Validate(string section = "Delivery:Retry")
    {
        if (BaseDelay <= TimeSpan.Zero) yield return $"{section}:BaseDelay must be positive";
        if (MaxDelay < BaseDelay) yield return $"{section}:MaxDelay must be at least BaseDelay";
        if (MaxAttempts < 1) yield return $"{section}:MaxAttempts must be at least 1";
    }
}
