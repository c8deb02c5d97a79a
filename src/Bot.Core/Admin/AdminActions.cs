using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Store;

namespace Bot.Core.Admin;

/// <summary>
/// The state changes every admin surface makes (Telegram and Discord commands, the HTTP admin API), in one place so
/// they behave alike: resuming also re-enables a destination a permanent failure disabled, and whatever makes work
/// due wakes this host's dispatcher instead of leaving it to the next poll.
/// Whatever goes back in the queue sends the article's current version when its turn comes, and nothing for a
/// retracted one.
/// </summary>
/// <param name="workAvailable">The dispatcher's signal; null where no dispatcher runs in this process.</param>
public sealed class AdminActions(IDestinationStore destinations, IOutcomeStore outcomes, TimeProvider time, DeliverySignal? workAvailable = null)
{
    /// <summary>Holds a destination's deliveries; false for an unknown name.</summary>
    public Task<bool> PauseAsync(string name, CancellationToken cancellationToken) =>
        destinations.SetPausedAsync(name, true, cancellationToken);

    /// <summary>Sends a destination's held deliveries in order and re-enables it if it was disabled; false for an unknown name.</summary>
    public async Task<bool> ResumeAsync(string name, CancellationToken cancellationToken)
    {
        var known = await destinations.SetPausedAsync(name, false, cancellationToken);
        if (known)
        {
            await destinations.SetDisabledAsync(name, null, cancellationToken);
            workAvailable?.Notify();
        }

        return known;
    }

    /// <summary>Puts one dead delivery (or, with null, every one) back in the queue; returns how many.</summary>
    public async Task<int> RequeueDeadAsync(long? id, CancellationToken cancellationToken)
    {
        var requeued = await outcomes.RequeueDeadAsync(id, time.GetUtcNow(), cancellationToken);
        if (requeued > 0)
        {
            workAvailable?.Notify();
        }

        return requeued;
    }
}
