using Bot.Core.Channels;

namespace Bot.Core.Delivery.Sending;

/// <summary>Hears how each platform call went, for metrics. Must be cheap and must not throw.</summary>
public interface IDeliveryObserver
{
    /// <summary>A channel call for <paramref name="delivery"/> ended with <paramref name="outcome"/> after <paramref name="elapsed"/>.</summary>
    void Attempted(ClaimedDelivery delivery, string channel, SendOutcome outcome, TimeSpan elapsed, DateTimeOffset articleReceived);
}
