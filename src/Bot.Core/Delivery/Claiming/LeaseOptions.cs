namespace Bot.Core.Delivery.Claiming;

/// <summary>How long a claimed delivery stays ours (configuration section <c>Delivery:Lease</c>).</summary>
public sealed class LeaseOptions
{
    /// <summary>
    /// Lease length. The host renews the leases of everything it holds every third of it while sends run, so a slow
    /// send keeps its claim; a host that dies gives its work back to the others this long after its last renewal.
    /// Default 10 seconds.
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(10);
}
