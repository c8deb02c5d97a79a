namespace Bot.Channels.Discord.Gateway;

/// <summary>
/// When to send the next gateway heartbeat, and whether the connection has gone quiet. The first beat comes after
/// the interval times a random jitter (so a fleet of reconnecting clients does not beat in step), then one every
/// interval. A beat that falls due while the previous one is still unacknowledged means the connection is a zombie:
/// it looks open but nothing comes back, and only closing it and resuming brings the events back.
/// </summary>
public sealed class DiscordHeartbeat
{
    private readonly Lock gate = new();
    private readonly TimeProvider timeProvider;
    private DateTimeOffset due;
    private bool awaitingAck;

    /// <param name="interval">Hello's <c>heartbeat_interval</c>.</param>
    /// <param name="jitter">A random number in [0, 1).</param>
    /// <param name="timeProvider">The clock the beats are timed on.</param>
    public DiscordHeartbeat(TimeSpan interval, double jitter, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Interval = interval;
        this.timeProvider = timeProvider;
        due = timeProvider.GetUtcNow() + interval * jitter;
    }

    public TimeSpan Interval { get; }

    /// <summary>How long until the next beat is due; zero when it is due now.</summary>
    public TimeSpan UntilDue
    {
        get
        {
            lock (gate)
            {
                var left = due - timeProvider.GetUtcNow();
                return left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }
        }
    }

    /// <summary>
    /// Called when a beat is due: true to send it (and the next is scheduled one interval on); false when the last
    /// beat was never acknowledged, and the connection must be dropped.
    /// </summary>
    public bool TryBeat()
    {
        lock (gate)
        {
            if (awaitingAck)
            {
                return false;
            }

            awaitingAck = true;
            due = timeProvider.GetUtcNow() + Interval;
            return true;
        }
    }

    /// <summary>The gateway answered a beat (op 11).</summary>
    public void Acknowledge()
    {
        lock (gate)
        {
            awaitingAck = false;
        }
    }
}
