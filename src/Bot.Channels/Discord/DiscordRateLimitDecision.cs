namespace Bot.Channels.Discord;

/// <summary>What <see cref="DiscordRateLimits.TryAcquire"/> allows now.</summary>
public abstract record DiscordRateLimitDecision
{
    private DiscordRateLimitDecision()
    {
    }

    /// <summary>Send now and report the answer with the ticket.</summary>
    public sealed record Granted(DiscordRateLimitTicket Ticket) : DiscordRateLimitDecision;

    /// <summary>A bucket or the global limit is spent for a short while: wait <paramref name="Delay"/> and ask again.</summary>
    public sealed record Wait(TimeSpan Delay, string Scope) : DiscordRateLimitDecision;

    /// <summary>A 429 is in force or the wait is too long to sit out: the engine reschedules after <paramref name="RetryAfter"/>.</summary>
    public sealed record Blocked(TimeSpan RetryAfter, string Scope) : DiscordRateLimitDecision;
}
