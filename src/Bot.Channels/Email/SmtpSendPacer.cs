namespace Bot.Channels.Email;

/// <summary>
/// Spaces sends evenly to at most a given number per second across all callers: each call reserves the next
/// free slot and learns how long to wait for it. Pure arithmetic on the injected clock.
/// </summary>
public sealed class SmtpSendPacer(double maxPerSecond, TimeProvider timeProvider)
{
    private readonly TimeSpan interval = TimeSpan.FromSeconds(1 / maxPerSecond);
    private readonly Lock gate = new();
    private DateTimeOffset nextSlot = DateTimeOffset.MinValue;

    /// <summary>Reserves a slot; the returned wait is zero when the caller may send at once.</summary>
    public TimeSpan Reserve()
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            var slot = nextSlot > now ? nextSlot : now;
            nextSlot = slot + interval;
            return slot - now;
        }
    }
}
