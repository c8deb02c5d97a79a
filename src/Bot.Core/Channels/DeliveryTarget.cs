using Bot.Core.Delivery;

namespace Bot.Core.Channels;

/// <summary>Where one delivery goes.</summary>
/// <param name="Channel">One of <see cref="ChannelNames"/>.</param>
/// <param name="Destination">The configured destination name.</param>
/// <param name="Address">Telegram chat id, Discord channel id or webhook URL, or an email address.</param>
public sealed record DeliveryTarget(string Channel, string Destination, string Address)
{
    /// <summary>The delivery this call belongs to, when the engine makes it; null in previews and ad-hoc sends.</summary>
    public DeliveryReference? Reference { get; init; }

    /// <summary>
    /// The send budget every platform request of this call must pass: a sender enters it before each request and, when
    /// it has no room, returns <see cref="SendOutcome.Paced"/> instead of waiting. Open outside the delivery engine.
    /// </summary>
    public IRequestGate Gate { get; init; } = RequestGate.Open;
}
