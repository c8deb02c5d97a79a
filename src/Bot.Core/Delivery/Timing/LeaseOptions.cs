namespace Bot.Core.Delivery.Timing;

/// <summary>How long a claimed delivery stays ours (configuration section <c>Delivery:Lease</c>).</summary>
public sealed class LeaseOptions
{
    /// <summary>
    /// Lease length. Long enough for a slow multi-part send, short enough that a crashed host's work comes back
    /// soon. Default 2 minutes.
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(2);
}
