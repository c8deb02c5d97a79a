using Bot.Core.Channels;
using Bot.Core.Delivery.Claiming;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Outcomes;
using Bot.Core.Delivery.Pacing;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Delivery.Sending;

/// <summary>
/// One attempt at one prepared delivery: decides against the article's current version what to do, renders from the
/// cache, and calls the channel's sender through the pacer's gate. A budget with no room now, here or inside the
/// sender, comes back as <see cref="SendOutcome.Paced"/>; nothing here sleeps. A sender that throws (a bug, not a
/// platform answer) gives a retry, never a lost delivery.
/// </summary>
public sealed partial class SendStep(
    ChannelSenderSet senders,
    RenderCache renders,
    ISendPacer pacer,
    TimeProvider time,
    ILogger<SendStep> logger,
    IDeliveryObserver? observer = null)
{
    public async Task<AttemptResult> RunAsync(PreparedDelivery prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var (delivery, destination) = (prepared.Delivery, prepared.Destination);
        if (destination is null) return new AttemptResult.Cancelled("destination no longer configured");
        if (prepared.MemberGone is { } gone) return new AttemptResult.Cancelled(gone);

        var operation = SendDecision.Decide(delivery, prepared.Current, destination.EditsInPlace);
        if (operation is SendOperation.Cancel cancel) return new AttemptResult.Cancelled(cancel.Reason);
        var version = prepared.Current!.Version;

        var allowed = pacer.NextAllowedAt(destination.Channel, prepared.Address);
        if (allowed > time.GetUtcNow()) return new AttemptResult.Finished(new SendOutcome.Paced(delivery.RemoteIds, allowed), delivery.RemoteIdsVersion, delivery.ShownParts);

        var sender = senders.Find(destination.Channel)
            ?? throw new InvalidOperationException($"no sender registered for channel '{destination.Channel}'");
        var target = new DeliveryTarget(destination.Channel, destination.Name, prepared.Address)
        {
            Reference = new DeliveryReference(delivery.Id, delivery.ArticleKey, delivery.ArticleVersion, delivery.Kind),
            Gate = new PacerGate(pacer, destination.Channel, prepared.Address),
        };

        SendOutcome outcome;
        // What the outcome's remote ids show when it is not sent: a send's parts all show the version it sends (the
        // decision resumes only parts of that version), an edit's the first ones it edited; a delete's are not told.
        int? unfinishedShows = operation is SendOperation.Send or SendOperation.Edit ? version : null;
        int? shownParts = (operation as SendOperation.Edit)?.Edited;
        var started = time.GetTimestamp();
        try
        {
            switch (operation)
            {
                case SendOperation.Delete delete:
                    outcome = await sender.DeleteAsync(target, delete.RemoteIds, cancellationToken);
                    break;
                case SendOperation.Withdraw withdraw:
                    outcome = await sender.DeleteAsync(target, withdraw.RemoteIds, cancellationToken);
                    break;
                case SendOperation.Restart restart:
                    outcome = await sender.DeleteAsync(target, restart.RemoteIds, cancellationToken);
                    break;
                case SendOperation.Edit edit:
                    (outcome, shownParts) = await EditAsync(sender, target, renders.Get(edit.Article, destination).For(prepared.Recipient), edit, cancellationToken);
                    break;
                case SendOperation.Send send:
                    if (destination.RendersPerRecipient && prepared.Recipient is null) return new AttemptResult.Cancelled("no longer an active subscriber");
                    outcome = await sender.SendAsync(target, renders.Get(send.Article, destination).For(prepared.Recipient), delivery.RemoteIds, cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"unknown operation {operation}");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSendFailed(e, delivery.Id);
            outcome = new SendOutcome.RetryLater(delivery.RemoteIds, null, e.GetType().Name + ": " + e.Message);
        }

        // Withdrawing or restarting deletes parts: timed like any call, but it is no version's first send.
        var observed = operation is SendOperation.Withdraw or SendOperation.Restart ? delivery with { Kind = DeliveryKind.Delete } : delivery;
        observer?.Attempted(observed, destination.Channel, outcome, time.GetElapsedTime(started), prepared.Current.Received);
        return (operation, outcome) switch
        {
            (SendOperation.Withdraw withdrawn, SendOutcome.Sent) => new AttemptResult.Cancelled(withdrawn.Reason, []),
            // Back in the queue at once with nothing sent, the attempt given back: the next one sends every part.
            (SendOperation.Restart, SendOutcome.Sent) => new AttemptResult.Finished(new SendOutcome.Paced([], time.GetUtcNow()), null),
            (_, SendOutcome.Sent) => new AttemptResult.Finished(outcome, version),
            _ => new AttemptResult.Finished(outcome, unfinishedShows, shownParts),
        };
    }

    // Resumes after the messages an earlier attempt already edited, so that a budget with room for one request at a
    // time is not spent on the same first edit at every attempt. At least the last part is edited, which keeps the
    // message handed over from being empty.
    private static async Task<(SendOutcome Outcome, int Edited)> EditAsync(
        IChannelSender sender, DeliveryTarget target, RenderedMessage message, SendOperation.Edit edit, CancellationToken cancellationToken)
    {
        var skip = Math.Clamp(Math.Min(edit.Edited, edit.RemoteIds.Count), 0, Math.Max(message.PartCount - 1, 0));
        var outcome = await sender.EditAsync(target, message.PartsFrom(skip), [.. edit.RemoteIds.Skip(skip)], cancellationToken);
        var edited = skip + (outcome.Edited ?? 0);
        return skip == 0 ? (outcome, edited) : (outcome with { RemoteIds = [.. edit.RemoteIds.Take(skip), .. outcome.RemoteIds] }, edited);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} failed unexpectedly")]
    private partial void LogSendFailed(Exception exception, long deliveryId);
}
