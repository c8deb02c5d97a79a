using System.Globalization;
using Bot.Core.Channels;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Store;

namespace Bot.Core.Delivery.Outcomes;

/// <summary>
/// Turns an attempt into the delivery's next state and its effects: sent, retried with backoff (never before the
/// platform's retry-after), dead after its attempts or on a permanent refusal, and what a lost, moved or unavailable
/// target means for the destination. Pure apart from the retry schedule's jitter; no I/O.
/// </summary>
public sealed class OutcomePolicy(RetrySchedule retry, DispatchOptions options)
{
    public OutcomeDecision Decide(Attempt attempt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var delivery = attempt.Delivery;
        switch (attempt.Result)
        {
            case AttemptResult.Cancelled cancelled:
                return new(new DeliveryOutcome(delivery.Id, DeliveryStatus.Cancelled, cancelled.RemoteIds ?? delivery.RemoteIds, cancelled.Reason), []);

            case AttemptResult.Finished { Outcome: SendOutcome.Sent sent } finished:
                return new(new DeliveryOutcome(delivery.Id, DeliveryStatus.Sent, sent.RemoteIds, SentVersion: finished.ShownVersion), []);

            case AttemptResult.Finished finished:
                var decision = Unfinished(attempt, finished.Outcome, now);
                // A retry resumes these parts only if they show the version it sends; the store keeps which one they show.
                var (version, parts) = finished.Resumable;
                return decision with { Record = decision.Record with { SentVersion = version, ShownParts = parts } };

            default:
                throw new ArgumentException($"unknown attempt result {attempt.Result}", nameof(attempt));
        }
    }

    private OutcomeDecision Unfinished(Attempt attempt, SendOutcome outcome, DateTimeOffset now)
    {
        var delivery = attempt.Delivery;
        switch (outcome)
        {
            case SendOutcome.Paced paced:
                // The budget, not the delivery, was short: back in the queue for then, the attempt given back.
                return new(new DeliveryOutcome(delivery.Id, DeliveryStatus.Queued, paced.RemoteIds, NextAttemptAt: paced.NotBefore, GiveBackAttempt: true), []);

            case SendOutcome.RetryLater later:
                return RetryLater(attempt, later, now);

            case SendOutcome.Rejected rejected:
                return Rejected(attempt, rejected);

            case SendOutcome.TargetMoved moved:
                return new(
                    new DeliveryOutcome(delivery.Id, DeliveryStatus.Queued, moved.RemoteIds, "target moved", now, GiveBackAttempt: true),
                    [new OutcomeEffect.MoveDestination(delivery.Destination, moved.NewAddress)]);

            case SendOutcome.Unavailable unavailable:
                var until = now + options.UnavailableRetry;
                return new(
                    new DeliveryOutcome(delivery.Id, DeliveryStatus.Failed, unavailable.RemoteIds, "channel unavailable: " + unavailable.Reason, until, GiveBackAttempt: true),
                    [new OutcomeEffect.Hold(attempt.Channel, null, until)]);

            default:
                throw new ArgumentException($"unknown send outcome {outcome}", nameof(attempt));
        }
    }

    private OutcomeDecision RetryLater(Attempt attempt, SendOutcome.RetryLater later, DateTimeOffset now)
    {
        var delivery = attempt.Delivery;
        var effects = new List<OutcomeEffect>();
        if (later.RetryAfter is { } wait)
        {
            effects.Add(new OutcomeEffect.Hold(attempt.Channel, later.ChannelWide ? null : attempt.Address, now + wait));
        }

        if (retry.Next(Math.Max(delivery.Attempts, 1), later.RetryAfter) is RetryDecision.RetryAt at)
        {
            return new(new DeliveryOutcome(delivery.Id, DeliveryStatus.Failed, later.RemoteIds, later.Reason, at.At), effects);
        }

        var error = string.Create(CultureInfo.InvariantCulture, $"gave up after {delivery.Attempts} attempts: {later.Reason}");
        effects.Add(DeadLetter(delivery, error, tellAdmins: true));
        return new(new DeliveryOutcome(delivery.Id, DeliveryStatus.Dead, later.RemoteIds, error), effects);
    }

    private static OutcomeDecision Rejected(Attempt attempt, SendOutcome.Rejected rejected)
    {
        var delivery = attempt.Delivery;
        var error = "rejected: " + rejected.Reason;
        // A lost target is told once, as the destination's notice, not once more per dead delivery.
        var effects = new List<OutcomeEffect> { DeadLetter(delivery, error, tellAdmins: !rejected.TargetGone) };
        if (rejected.TargetGone)
        {
            // A dead mailbox or a blocked chat is one member's problem, not the list's.
            effects.Add(attempt.Audience != Audience.Single && delivery.Recipient.Length > 0
                ? new OutcomeEffect.RemoveMember(delivery.Destination, attempt.Audience, delivery.Recipient, rejected.Reason)
                : new OutcomeEffect.DisableDestination(delivery.Destination, rejected.Reason));
        }
        return new(new DeliveryOutcome(delivery.Id, DeliveryStatus.Dead, rejected.RemoteIds, error), effects);
    }

    private static OutcomeEffect.DeadLetter DeadLetter(ClaimedDelivery delivery, string error, bool tellAdmins)
    {
        var to = delivery.Recipient.Length > 0 ? $"{delivery.Destination} {delivery.Recipient}" : delivery.Destination;
        var detail = string.Create(CultureInfo.InvariantCulture, $"{DeliveryNames.Of(delivery.Kind)} of {delivery.ArticleKey} v{delivery.ArticleVersion} to {to}: {error}");
        return new OutcomeEffect.DeadLetter(delivery.Destination, detail, tellAdmins);
    }
}
