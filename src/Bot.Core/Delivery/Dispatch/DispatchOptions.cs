using System.Globalization;

namespace Bot.Core.Delivery.Dispatch;

/// <summary>How the dispatcher works through the outbox (configuration section <c>Delivery</c>).</summary>
public sealed class DispatchOptions
{
    /// <summary>Deliveries claimed (and outcomes recorded) per store round trip. Default 128.</summary>
    public int BatchSize { get; set; } = 128;

    /// <summary>
    /// Deliveries sent at once (each to a different destination or recipient). Default 16: enough for Telegram's
    /// 30 messages a second when a request takes up to half a second, and to keep every SMTP connection busy.
    /// </summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>Deliveries claimed and not yet recorded, at most; claims are refilled below it while sends run. Default 512.</summary>
    public int MaxInFlight { get; set; } = 512;

    /// <summary>How often the outbox is checked when no signal arrives; the fallback, not the trigger. Default 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Recipients read per page of a fan-out. Default 1000.</summary>
    public int FanOutPageSize { get; set; } = 1000;

    /// <summary>The longest a delivery waits in memory for its budget; longer waits go back to the queue. Default 1 second.</summary>
    public TimeSpan MaxPacingWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>On shutdown, how long sends already under way may finish before they are cancelled and released. Default 5 seconds.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>When a whole channel is unavailable (bad credentials), how long before it is tried again. Default 5 minutes.</summary>
    public TimeSpan UnavailableRetry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The problems with these values, each naming its key and value.</summary>
    public IEnumerable<string> Validate(string section = "Delivery")
    {
        if (BatchSize < 1) yield return Problem(section, nameof(BatchSize), BatchSize, "must be at least 1");
        if (Parallelism < 1) yield return Problem(section, nameof(Parallelism), Parallelism, "must be at least 1");
        if (MaxInFlight < 1) yield return Problem(section, nameof(MaxInFlight), MaxInFlight, "must be at least 1");
        if (PollInterval <= TimeSpan.Zero) yield return Problem(section, nameof(PollInterval), PollInterval, "must be positive");
        if (FanOutPageSize < 1) yield return Problem(section, nameof(FanOutPageSize), FanOutPageSize, "must be at least 1");
        if (MaxPacingWait < TimeSpan.Zero) yield return Problem(section, nameof(MaxPacingWait), MaxPacingWait, "must not be negative");
        if (ShutdownGrace < TimeSpan.Zero) yield return Problem(section, nameof(ShutdownGrace), ShutdownGrace, "must not be negative");
        if (UnavailableRetry <= TimeSpan.Zero) yield return Problem(section, nameof(UnavailableRetry), UnavailableRetry, "must be positive");
    }

    private static string Problem(string section, string key, object value, string rule) =>
        string.Create(CultureInfo.InvariantCulture, $"{section}:{key}: '{value}' {rule}");
}
