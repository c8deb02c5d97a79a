namespace Bot.Core.Delivery.Dispatch;

/// <summary>
/// Wakes the dispatcher when there is new work (an article imported, a destination resumed, a dead delivery
/// requeued), so announcements leave within milliseconds instead of at the next poll. Signals coalesce: any
/// number of <see cref="Notify"/> calls before a wait wake it once.
/// </summary>
public sealed class DeliverySignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the waiter will wake once, which covers this call too.
        }
    }

    /// <summary>Waits for a signal or until <paramref name="timeout"/> passes on <paramref name="time"/>; true when signalled.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        try
        {
            await _pending.WaitAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
