using System.Threading.Channels;
using Bot.Core.Channels;
using Bot.Core.Delivery.Claiming;
using Bot.Core.Delivery.Outcomes;
using Bot.Core.Delivery.Sending;
using Bot.Core.Delivery.Store;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Delivery.Dispatch;

/// <summary>
/// The stages of delivery put together: claim (<see cref="DeliveryClaimer"/>), prepare (<see cref="ClaimPreparer"/>),
/// send (<see cref="SendStep"/>), decide (<see cref="OutcomePolicy"/>) and record (<see cref="OutcomeRecorder"/>).
/// <see cref="RunAsync"/> is the host's continuous flow: claims are refilled while sends run, outcomes are recorded in
/// the background, leases are renewed, and a delivery whose budget is spent for less than
/// <see cref="DispatchOptions.MaxPacingWait"/> waits in memory without holding a sender. <see cref="RunRoundAsync"/>
/// does the same work one claimed batch at a time, for tests on a fake clock and for tools.
/// </summary>
public sealed partial class DeliveryPipeline(
    DeliveryClaimer claimer,
    ClaimPreparer preparer,
    SendStep sendStep,
    OutcomePolicy policy,
    OutcomeEffects effects,
    OutcomeRecorder recorder,
    LeaseKeeper leaseKeeper,
    IClaimStore claims,
    LeaseOwner owner,
    DispatchOptions options,
    TimeProvider time,
    ILogger<DeliveryPipeline> logger)
{
    private static readonly TimeSpan MaxOutageDelay = TimeSpan.FromSeconds(30);

    private readonly DeliverySignal _room = new();
    private readonly InFlightDeliveries _inFlight = new();
    private readonly PacedWaits _waits = new(time);

    /// <summary>
    /// Signalled whenever something may have become due (deliveries planned, a destination resumed, a dead delivery
    /// requeued, an outcome recorded), so claims follow within milliseconds instead of at the next poll.
    /// </summary>
    public DeliverySignal WorkAvailable { get; } = new();

    /// <summary>Who holds this pipeline's leases.</summary>
    public string Owner => owner.Name;

    /// <summary>Claims one batch and carries it to the end: sent, retried, paced back to the queue or dead, all recorded. Returns how many were claimed.</summary>
    public async Task<int> RunRoundAsync(CancellationToken cancellationToken)
    {
        var claimed = await claimer.ClaimAsync(options.BatchSize, cancellationToken);
        if (claimed.Count == 0) return 0;
        var prepared = await preparer.PrepareAsync(claimed, cancellationToken);
        var settled = new SettledDelivery[prepared.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, prepared.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (i, token) => settled[i] = Settle(prepared[i], await sendStep.RunAsync(prepared[i], token)));
        await recorder.RecordAsync(owner.Name, settled, CancellationToken.None);
        return claimed.Count;
    }

    /// <summary>
    /// Delivers until <paramref name="stop"/>: no claim is made after it, sends under way get until
    /// <paramref name="sendsStop"/> to finish, their outcomes are recorded, and every lease still held is released so a
    /// restart sends again at most what was in flight.
    /// </summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken sendsStop)
    {
        var ready = Channel.CreateUnbounded<PreparedDelivery>();
        var settled = Channel.CreateUnbounded<SettledDelivery>(new UnboundedChannelOptions { SingleReader = true });
        using var recordingEnds = new CancellationTokenSource();
        try
        {
            var recording = recorder.RunAsync(settled.Reader, owner.Name, options.BatchSize * 2, OnRecorded, recordingEnds.Token);
            var renewing = leaseKeeper.RunAsync(_inFlight, recordingEnds.Token);
            var waiting = _waits.RunAsync(d => Ready(ready, d), stop);
            var workers = Enumerable.Range(0, options.Parallelism).Select(_ => WorkAsync(ready, settled.Writer, stop, sendsStop)).ToList();
            await ClaimLoopAsync(ready, stop);

            // Every send under way ends (or is cancelled at sendsStop) and its outcome is recorded before the leases go back.
            await waiting;
            ready.Writer.TryComplete();
            await Task.WhenAll(workers);
            settled.Writer.TryComplete();
            using var grace = time.CreateTimer(_ => recordingEnds.Cancel(), null, options.ShutdownGrace, Timeout.InfiniteTimeSpan);
            await recording;
            await recordingEnds.CancelAsync();
            await renewing;
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    private async Task ClaimLoopAsync(Channel<PreparedDelivery> ready, CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var room = options.MaxInFlight - _inFlight.Count;
                if (room < Math.Min(options.BatchSize, options.MaxInFlight) / 2)
                {
                    await _room.WaitAsync(options.PollInterval, time, stop);
                    continue;
                }

                var limit = Math.Min(room, options.BatchSize);
                var claimed = await claimer.ClaimAsync(limit, stop);
                failures = 0;
                if (claimed.Count > 0)
                {
                    _inFlight.Add(claimed);
                    IReadOnlyList<PreparedDelivery> prepared;
                    try
                    {
                        prepared = await preparer.PrepareAsync(claimed, stop);
                    }
                    catch
                    {
                        // Claimed but not prepared: no longer renewed, the leases run out and the deliveries go back.
                        _inFlight.Remove(claimed.Select(d => d.Id));
                        throw;
                    }
                    foreach (var delivery in prepared) ready.Writer.TryWrite(delivery);
                    if (claimed.Count == limit) continue;
                }

                await WaitForWorkAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // An unreachable store is an outage, not an empty queue: say so and back off.
                failures++;
                LogOutage(e, failures);
                try
                {
                    await Task.Delay(OutageDelay(failures), time, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task WaitForWorkAsync(CancellationToken stop)
    {
        var wait = options.PollInterval;
        if (await claimer.NextDueAsync(stop) is { } next)
        {
            var untilDue = next - time.GetUtcNow();
            if (untilDue < wait) wait = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue;
        }
        if (wait > TimeSpan.Zero) await WorkAvailable.WaitAsync(wait, time, stop);
    }

    private async Task WorkAsync(Channel<PreparedDelivery> ready, ChannelWriter<SettledDelivery> settled, CancellationToken stop, CancellationToken sendsStop)
    {
        await foreach (var prepared in ready.Reader.ReadAllAsync(CancellationToken.None))
        {
            // Claimed but not started when the host stops: its lease is released below, the attempt given back.
            if (stop.IsCancellationRequested) continue;
            AttemptResult result;
            try
            {
                result = await sendStep.RunAsync(prepared, sendsStop);
            }
            catch (OperationCanceledException) when (sendsStop.IsCancellationRequested)
            {
                LogInterrupted(prepared.Delivery.Id);
                continue;
            }

            if (result is AttemptResult.Finished { Outcome: SendOutcome.Paced paced } finished && KeepsInMemory(paced))
            {
                // Comes back to a worker when its budget has room; a sender is free for other work meanwhile.
                var (version, parts) = finished.Resumable;
                var resumed = prepared.Delivery with { RemoteIds = paced.RemoteIds, RemoteIdsVersion = version, ShownParts = parts };
                _waits.Add(prepared with { Delivery = resumed }, paced.NotBefore);
                continue;
            }

            try
            {
                settled.TryWrite(Settle(prepared, result));
            }
            catch (Exception e)
            {
                // A bug in deciding; the lease runs out and the delivery is tried again.
                LogSettleFailed(e, prepared.Delivery.Id);
                _inFlight.Remove([prepared.Delivery.Id]);
            }
        }
    }

    private bool KeepsInMemory(SendOutcome.Paced paced) =>
        paced.NotBefore - time.GetUtcNow() <= options.MaxPacingWait && _waits.Count < options.MaxInFlight / 2;

    // After the host stopped, a delivery that cannot be handed to a worker goes back with the leases released at the end.
    private void Ready(Channel<PreparedDelivery> ready, PreparedDelivery prepared)
    {
        if (!ready.Writer.TryWrite(prepared)) _inFlight.Remove([prepared.Delivery.Id]);
    }

    private SettledDelivery Settle(PreparedDelivery prepared, AttemptResult result)
    {
        var destination = prepared.Destination;
        var attempt = new Attempt(prepared.Delivery, destination?.Channel ?? "", prepared.Address, destination?.Audience ?? Audience.Single, result);
        var decision = policy.Decide(attempt, time.GetUtcNow());
        effects.ApplyHolds(decision.Effects);
        return new SettledDelivery(prepared.Delivery, attempt.Channel, decision);
    }

    private void OnRecorded(IReadOnlyList<long> ids)
    {
        _inFlight.Remove(ids);
        _room.Notify();
        // Recording ends a delivery's claim, which can make the next one to the same place claimable.
        WorkAvailable.Notify();
    }

    private async Task ReleaseAsync()
    {
        using var bounded = new CancellationTokenSource(options.ShutdownGrace);
        try
        {
            var released = await claims.ReleaseAsync(owner.Name, bounded.Token);
            LogReleased(released);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Leases that cannot be released now expire on their own and go back to the queue.
            LogReleaseFailed(e);
        }
    }

    private static TimeSpan OutageDelay(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxOutageDelay.Ticks, TimeSpan.FromMilliseconds(250).Ticks << Math.Min(failures - 1, 10)));

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery dispatch failed ({Failures} in a row); backing off")]
    private partial void LogOutage(Exception exception, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId}: deciding its outcome failed; it goes back to the queue when its lease runs out")]
    private partial void LogSettleFailed(Exception exception, long deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} interrupted by shutdown; its lease is released")]
    private partial void LogInterrupted(long deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatcher stopped; {Count} in-flight deliveries released")]
    private partial void LogReleased(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release leases on shutdown; they expire on their own")]
    private partial void LogReleaseFailed(Exception exception);
}
