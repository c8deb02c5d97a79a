using Bot.Core.Channels;
using Bot.Core.Delivery.Pacing;

namespace Bot.Channels.Telegram;

/// <summary>
/// Messages the bot writes outside the delivery engine (command replies, admin notices), through the same send budget
/// as the announcements so that Telegram's per-chat and overall limits hold for both. A reply is a conversation, not a
/// queued delivery: when the budget has no room it waits here, on the injected clock, for its turn; and one that
/// Telegram held back (429 with retry_after) before any of it went out is sent again after the wait asked for, a few
/// times at most, so a command typed just after another, or while the bot was down, still gets its answer.
/// </summary>
public sealed class TelegramDirectMessages(TelegramChannelSender sender, ISendPacer? pacer, TimeProvider time)
{
    private const int HeldBackAttempts = 3;
    private static readonly TimeSpan MaxHeldBackWait = TimeSpan.FromSeconds(30);

    public async Task<SendOutcome> SendAsync(string chat, string destination, TelegramMessage message, CancellationToken cancellationToken)
    {
        var target = new DeliveryTarget(ChannelNames.Telegram, destination, chat);
        if (pacer is not null) target = target with { Gate = new PacerGate(pacer, ChannelNames.Telegram, chat) };
        IReadOnlyList<string> sent = [];
        var heldBack = 0;
        while (true)
        {
            var outcome = await sender.SendAsync(target, message, sent, cancellationToken);
            TimeSpan wait;
            switch (outcome)
            {
                case SendOutcome.Paced paced:
                    sent = paced.RemoteIds;
                    wait = paced.NotBefore - time.GetUtcNow();
                    break;
                case SendOutcome.RetryLater { RemoteIds.Count: 0 } later when ++heldBack < HeldBackAttempts:
                    wait = later.RetryAfter is { } asked && asked < MaxHeldBackWait ? asked : MaxHeldBackWait;
                    break;
                default:
                    return outcome;
            }

            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
        }
    }
}
