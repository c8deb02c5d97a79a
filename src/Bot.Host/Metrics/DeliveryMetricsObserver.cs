using Bot.Core.Channels;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Sending;

namespace Bot.Host.Metrics;

/// <summary>
/// Turns each platform call the engine reports into the delivery figures: its duration by channel and outcome, a
/// throttling count when the platform asked for a wait (a 429 with <c>retry_after</c>), and, for the first successful
/// send of an article version on a channel, how long after it was taken in that was. A republished copy
/// (generation 1 and up) and a deletion are not first sends.
/// </summary>
public sealed class DeliveryMetricsObserver(DeliveryInstruments instruments, FirstSendLedger ledger, TimeProvider time) : IDeliveryObserver
{
    public void Attempted(ClaimedDelivery delivery, string channel, SendOutcome outcome, TimeSpan elapsed, DateTimeOffset articleReceived)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var onChannel = new KeyValuePair<string, object?>("channel", channel);
        instruments.Send.Record(Math.Max(0, elapsed.TotalSeconds), onChannel, new KeyValuePair<string, object?>("outcome", NameOf(outcome)));

        if (outcome is SendOutcome.RetryLater { RetryAfter: not null })
        {
            instruments.Throttled.Add(1, onChannel);
        }

        if (outcome is SendOutcome.Sent && delivery.Kind != DeliveryKind.Delete && delivery.Generation == 0
            && ledger.TryMarkFirst(delivery.ArticleKey, articleReceived, channel))
        {
            // Another host may have taken the article in by its own clock; a wait below zero is a skew, not a send.
            instruments.ArticleToSend.Record(Math.Max(0, (time.GetUtcNow() - articleReceived).TotalSeconds), onChannel);
        }
    }

    /// <summary>The <c>outcome</c> label: <c>sent</c>, <c>retry</c>, <c>paced</c>, <c>rejected</c>, <c>moved</c> or <c>unavailable</c>.</summary>
    public static string NameOf(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Sent => "sent",
        SendOutcome.RetryLater => "retry",
        SendOutcome.Paced => "paced",
        SendOutcome.Rejected => "rejected",
        SendOutcome.TargetMoved => "moved",
        SendOutcome.Unavailable => "unavailable",
        _ => "other",
    };
}
