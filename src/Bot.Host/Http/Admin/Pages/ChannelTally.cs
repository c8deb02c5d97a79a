using Bot.Core.Delivery;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>
/// Deliveries in the four groups an editor asks about: sent, pending (queued, being sent, or held by a pause),
/// failed (will be retried) and dead (given up). Cancelled ones are in none.
/// </summary>
public sealed record ChannelTally(long Sent, long Pending, long Failed, long Dead)
{
    public static readonly ChannelTally Zero = new(0, 0, 0, 0);

    /// <summary>The groups in the order the pages show them, with their names in the live ids.</summary>
    public static readonly string[] Groups = ["sent", "pending", "failed", "dead"];

    public long this[string group] => group switch
    {
        "sent" => Sent,
        "pending" => Pending,
        "failed" => Failed,
        "dead" => Dead,
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "not a delivery group"),
    };

    public ChannelTally Add(DeliveryStatus status, long count) => status switch
    {
        DeliveryStatus.Sent => this with { Sent = Sent + count },
        DeliveryStatus.Queued or DeliveryStatus.Sending or DeliveryStatus.Held => this with { Pending = Pending + count },
        DeliveryStatus.Failed => this with { Failed = Failed + count },
        DeliveryStatus.Dead => this with { Dead = Dead + count },
        _ => this,
    };
}
