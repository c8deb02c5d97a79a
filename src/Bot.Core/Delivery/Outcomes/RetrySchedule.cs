namespace Bot.Core.Delivery.Outcomes;

/// <summary>
/// Exponential backoff with jitter, capped, that never schedules earlier than a platform asked. Pure apart from
/// the clock and the random source, both injected, so tests can pin every number.
/// </summary>
public sealed class RetrySchedule(RetryOptions options, TimeProvider time, Random random)
{
    private readonly Lock _gate = new();

    public RetryOptions Options => options;

    /// <summary>
    /// The decision after attempt number <paramref name="attemptsMade"/> (1 for the first) failed.
    /// <paramref name="retryAfter"/> is the platform's requested wait; <paramref name="previousDelay"/> feeds
    /// decorrelated jitter (the base delay when unknown).
    /// </summary>
    public RetryDecision Next(int attemptsMade, TimeSpan? retryAfter = null, TimeSpan? previousDelay = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptsMade, 1);
        if (attemptsMade >= options.MaxAttempts)
        {
            return new RetryDecision.GiveUp(attemptsMade);
        }

        var delay = Backoff(attemptsMade, previousDelay);
        if (retryAfter is { } wait && wait > delay)
        {
            delay = wait;
        }
        return new RetryDecision.RetryAt(time.GetUtcNow() + delay, delay);
    }

    /// <summary>The jittered, capped delay after attempt <paramref name="attemptsMade"/>, without any retry-after.</summary>
    public TimeSpan Backoff(int attemptsMade, TimeSpan? previousDelay = null)
    {
        var baseTicks = (double)options.BaseDelay.Ticks;
        var maxTicks = (double)options.MaxDelay.Ticks;
        var exponential = Math.Min(maxTicks, baseTicks * Math.Pow(2, Math.Min(attemptsMade - 1, 62)));
        double ticks;
        switch (options.Jitter)
        {
            case RetryJitter.None:
                ticks = exponential;
                break;
            case RetryJitter.Full:
                ticks = NextDouble() * exponential;
                break;
            default:
                var previous = Math.Max(baseTicks, (double)(previousDelay ?? options.BaseDelay).Ticks);
                var upper = Math.Min(maxTicks, previous * 3);
                ticks = Math.Min(maxTicks, baseTicks + NextDouble() * Math.Max(0, upper - baseTicks));
                break;
        }
        return TimeSpan.FromTicks((long)ticks);
    }

    private double NextDouble()
    {
        lock (_gate)
        {
            return random.NextDouble();
        }
    }
}
