using Bot.Core.Channels;
using Bot.Core.Delivery.Pacing;

namespace Bot.Channels.Telegram;

/// <summary>
/// Messages the bot writes outside the delivery engine (command replies, admin notices), through the same send budget
/// as the announcements so that Telegram's per-chat and overall limits hold for both. A reply is a conversation, not a
/// queued delivery: when the budget has no room it waits here, on the injected clock, for its turn.
/// </summary>
public sealed class TelegramDirectMessages(TelegramChannelSender sender, ISendPacer? pacer, TimeProvider time)
{
    public async Task<SendOutcome> SendAsync(string chat, string destination, TelegramMessage message, CancellationToken cancellationToken)
    {
        var target = new DeliveryTarget(ChannelNames.Telegram, destination, chat);
        if (pacer is not null) target = target with { Gate = new PacerGate(pacer, ChannelNames.Telegram, chat) };
        IReadOnlyList<string> sent = [];
        while (true)
        {
            var outcome = await sender.SendAsync(target, message, sent, cancellationToken);
            if (outcome is not SendOutcome.Paced paced) return outcome;
            sent = paced.RemoteIds;
            var wait = paced.NotBefore - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
        }
    }
}
