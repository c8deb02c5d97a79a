using System.Threading.Channels;
using Bot.Core.Delivery.Store;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Delivery.Outcomes;

/// <summary>
/// Writes outcomes to the store in groups, one transaction each, while the sends behind them go on: on SQLite every
/// commit waits for the disk, and one per delivery would cap a fan-out at a few hundred a second. A store error does
/// not lose an outcome: the group is written again until it goes in or the host stops, and the leases stay renewed
/// meanwhile, so a remote message id that a later edit or delete needs is never dropped. What cannot be written before
/// the host stops is sent again after a restart: at most what was in flight.
/// </summary>
public sealed partial class OutcomeRecorder(IOutcomeStore store, OutcomeEffects effects, TimeProvider time, ILogger<OutcomeRecorder> logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Records the outcomes <paramref name="queue"/> brings, in groups of up to <paramref name="maxGroup"/>, until the
    /// queue is completed and empty; <paramref name="recorded"/> hears of each group once it is in. A store error is
    /// retried until <paramref name="giveUp"/>.
    /// </summary>
    public async Task RunAsync(ChannelReader<SettledDelivery> queue, string owner, int maxGroup, Action<IReadOnlyList<long>> recorded, CancellationToken giveUp)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(recorded);
        var group = new List<SettledDelivery>(maxGroup);
        while (await queue.WaitToReadAsync(CancellationToken.None))
        {
            while (group.Count < maxGroup && queue.TryRead(out var next)) group.Add(next);
            try
            {
                await RecordAsync(owner, group, giveUp);
            }
            catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
            {
                LogAbandoned(group.Count);
                return;
            }
            finally
            {
                recorded([.. group.Select(s => s.Delivery.Id)]);
                group.Clear();
            }
        }
    }

    /// <summary>
    /// Writes the effects of one group of outcomes and then the outcomes; retries the outcomes' write until it goes in or
    /// <paramref name="giveUp"/>. Effects go first: until its outcome is written a delivery holds its place at the head
    /// of its destination's queue, so the next delivery to a chat that blocked the bot or a destination that lost its
    /// target is claimed only once that is known.
    /// </summary>
    public async Task RecordAsync(string owner, IReadOnlyList<SettledDelivery> group, CancellationToken giveUp)
    {
        if (group.Count == 0) return;
        foreach (var settled in group.Where(s => s.Decision.Effects.Count > 0))
        {
            try
            {
                await effects.ApplyStoredAsync(settled.Delivery.Id, settled.Decision.Effects, giveUp);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A lost target that is not marked fails again on its next delivery and is marked then.
                LogEffectsFailed(e, settled.Delivery.Id);
            }
        }

        var outcomes = group.Select(s => s.Decision.Record).ToList();
        IReadOnlyCollection<long> lost;
        for (var failures = 0; ; failures++)
        {
            try
            {
                lost = await store.RecordAsync(owner, outcomes, time.GetUtcNow(), giveUp);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException || !giveUp.IsCancellationRequested)
            {
                LogRecordFailed(e, group.Count, failures + 1);
                await Task.Delay(Backoff(failures), time, giveUp);
            }
        }

        foreach (var settled in group)
        {
            if (lost.Contains(settled.Delivery.Id)) LogLeaseLost(settled.Delivery.Id, settled.Delivery.Destination);
            else Log(settled);
        }
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, FirstRetry.Ticks << Math.Min(failures, 10)));

    private void Log(SettledDelivery settled)
    {
        var (delivery, record) = (settled.Delivery, settled.Decision.Record);
        switch (record.Status)
        {
            case DeliveryStatus.Sent:
                LogSent(delivery.Id, DeliveryNames.Of(delivery.Kind), delivery.ArticleKey, record.SentVersion ?? delivery.ArticleVersion, delivery.Destination, record.RemoteIds.Count);
                break;
            case DeliveryStatus.Failed when record.Error is { } error:
                LogRetrying(delivery.Id, delivery.Attempts, record.NextAttemptAt ?? time.GetUtcNow(), error);
                break;
            case DeliveryStatus.Dead:
                LogDead(delivery.Id, delivery.Destination, delivery.ArticleKey, record.Error ?? "");
                break;
            case DeliveryStatus.Cancelled:
                LogCancelled(delivery.Id, record.Error ?? "");
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} sent: {Kind} of {ArticleKey} v{Version} to {Destination}, {Parts} part(s)")]
    private partial void LogSent(long deliveryId, string kind, string articleKey, int version, string destination, int parts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} attempt {Attempt} failed, retrying at {RetryAt:O}: {Reason}")]
    private partial void LogRetrying(long deliveryId, int attempt, DateTimeOffset retryAt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} to {Destination} of {ArticleKey} is dead: {Reason}")]
    private partial void LogDead(long deliveryId, string destination, string articleKey, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} cancelled: {Reason}")]
    private partial void LogCancelled(long deliveryId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} to {Destination}: the lease ran out before its outcome was recorded; another dispatcher has it")]
    private partial void LogLeaseLost(long deliveryId, string destination);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {Count} delivery outcomes failed ({Failures} in a row); retrying")]
    private partial void LogRecordFailed(Exception exception, int count, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId}: what its outcome changes for its destination could not be recorded")]
    private partial void LogEffectsFailed(Exception exception, long deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped with {Count} delivery outcomes not recorded; their leases are released and they are sent again")]
    private partial void LogAbandoned(int count);
}
