namespace Bot.Core.Delivery.Pacing;

/// <summary>What a rate budget counts.</summary>
public enum RateScope
{
    /// <summary>Every send on the channel (Telegram's ~30/s per bot).</summary>
    Channel,
    /// <summary>Sends to one chat, channel or mailbox (Telegram's 20/min per group or channel).</summary>
    Target,
}
