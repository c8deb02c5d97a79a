namespace Bot.Core.Delivery.Dispatch;

/// <summary>How the dispatcher works through the outbox (configuration section <c>Delivery</c>).</summary>
public sealed class DispatchOptions
{
    /// <summary>Deliveries claimed per round. Default 64.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>
    /// Deliveries sent at once (each to a different destination or recipient). Default 16: enough for Telegram's
    /// 30 messages a second when a request takes up to half a second; the channels' pacers keep the real limits.
    /// </summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>How often the outbox is checked when no signal arrives; the fallback, not the trigger. Default 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Recipients read per page of an email fan-out. Default 1000.</summary>
    public int FanOutPageSize { get; set; } = 1000;

    /// <summary>The longest a send waits in memory for its pacing slot; longer waits go back to the queue. Default 1 second.</summary>
    public TimeSpan MaxPacingWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>On shutdown, how long sends already under way may finish before they are cancelled and released. Default 5 seconds.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>When a whole channel is unavailable (bad credentials), how long before it is tried again. Default 5 minutes.</summary>
    public TimeSpan UnavailableRetry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The problems with these values, each naming its key.</summary>
    public IEnumerable<string> Validate(string section = "Delivery")
    {
        if (BatchSize < 1) yield return $"{section}:BatchSize must be at least 1";
        if (Parallelism < 1) yield return $"{section}:Parallelism must be at least 1";
        if (PollInterval <= TimeSpan.Zero) yield return $"{section}:PollInterval must be positive";
        if (FanOutPageSize < 1) yield return $"{section}:FanOutPageSize must be at least 1";
        if (MaxPacingWait < TimeSpan.Zero) yield return $"{section}:MaxPacingWait must not be negative";
        if (ShutdownGrace < TimeSpan.Zero) yield return $"{section}:ShutdownGrace must not be negative";
        if (UnavailableRetry <= TimeSpan.Zero) yield return $"{section}:UnavailableRetry must be positive";
    }
}
