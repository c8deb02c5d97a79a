using Bot.Core.Audit;
using System.Globalization;
using Bot.Core.Admin;
using Bot.Core.Channels;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery.Pacing;
using Bot.Core.Delivery.Store;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Delivery.Outcomes;

/// <summary>
/// Carries out what outcomes change besides their deliveries' rows: pacer holds at once, so that the next send
/// already waits; the rest (destinations, list members, the audit log, the admins) once the outcome is stored.
/// </summary>
public sealed partial class OutcomeEffects(
    ISendPacer pacer,
    IDestinationStore destinations,
    IAuditLog audit,
    IRecipientDirectory mailingLists,
    TimeProvider time,
    ILogger<OutcomeEffects> logger,
    IAdminNotifier? notifier = null,
    ITelegramSubscriberStore? chatSubscribers = null)
{
    private const string Actor = "dispatcher";

    /// <summary>Applies the holds among <paramref name="effects"/>: before anything else is sent.</summary>
    public void ApplyHolds(IReadOnlyList<OutcomeEffect> effects)
    {
        foreach (var hold in effects.OfType<OutcomeEffect.Hold>())
        {
            pacer.Hold(hold.Channel, hold.Target, hold.Until);
        }
    }

    /// <summary>Applies the effects that write to the store; after the delivery's outcome is recorded.</summary>
    public async Task ApplyStoredAsync(long deliveryId, IReadOnlyList<OutcomeEffect> effects, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case OutcomeEffect.DeadLetter dead:
                    await audit.AuditAsync(Actor, "delivery-dead", deliveryId.ToString(CultureInfo.InvariantCulture), dead.Detail, now, cancellationToken);
                    if (dead.TellAdmins) notifier?.Notify(new AdminNotice(AdminNoticeKind.DeliveryDead, dead.Destination, $"#{deliveryId} {dead.Detail}"));
                    break;

                case OutcomeEffect.DisableDestination disable:
                    await destinations.SetDisabledAsync(disable.Destination, disable.Reason, cancellationToken);
                    await audit.AuditAsync(Actor, "destination-disabled", disable.Destination, disable.Reason, now, cancellationToken);
                    LogDestinationDisabled(deliveryId, disable.Destination, disable.Reason);
                    notifier?.Notify(new AdminNotice(AdminNoticeKind.DestinationDisabled, disable.Destination, disable.Reason));
                    break;

                case OutcomeEffect.RemoveMember { Audience: Audience.MailingList } member:
                    await mailingLists.MarkBouncedAsync(member.Destination, member.Recipient, member.Reason, cancellationToken);
                    await audit.AuditAsync(Actor, "subscriber-bounced", member.Recipient, member.Reason, now, cancellationToken);
                    break;

                case OutcomeEffect.RemoveMember { Audience: Audience.ChatSubscribers } member
                    when chatSubscribers is not null && long.TryParse(member.Recipient, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chat):
                    // A reader who blocked the bot leaves the subscribers; everyone else keeps getting the news.
                    await chatSubscribers.MarkBlockedAsync(chat, member.Reason, cancellationToken);
                    await audit.AuditAsync(Actor, "subscriber-blocked", member.Recipient, member.Reason, now, cancellationToken);
                    LogSubscriberBlocked(deliveryId, member.Recipient, member.Reason);
                    break;

                case OutcomeEffect.MoveDestination moved:
                    await destinations.SetAddressAsync(moved.Destination, moved.Address, cancellationToken);
                    await audit.AuditAsync(Actor, "destination-moved", moved.Destination, $"now at {moved.Address}", now, cancellationToken);
                    LogMoved(deliveryId, moved.Destination, moved.Address);
                    notifier?.Notify(new AdminNotice(AdminNoticeKind.TargetMoved, moved.Destination, moved.Address));
                    break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId}: destination {Destination} disabled: {Reason}")]
    private partial void LogDestinationDisabled(long deliveryId, string destination, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: private chat {Chat} refuses the bot and is unsubscribed: {Reason}")]
    private partial void LogSubscriberBlocked(long deliveryId, string chat, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: destination {Destination} moved to {Address}; retrying there")]
    private partial void LogMoved(long deliveryId, string destination, string address);
}
