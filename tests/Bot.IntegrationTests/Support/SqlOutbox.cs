using Bot.Core.Audit;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Store;
using Bot.Storage;
using Bot.Storage.Audit;
using Bot.Storage.Deliveries;

namespace Bot.IntegrationTests.Support;

/// <summary>The outbox's SQL stores by role on one database, with shorthands for the outcomes tests write one at a time.</summary>
public sealed class SqlOutbox(IDbConnectionFactory factory, TimeProvider time)
{
    public IPlanningStore Planning { get; } = new SqlPlanningStore(factory, time);
    public IClaimStore Claims { get; } = new SqlClaimStore(factory, time);
    public IOutcomeStore Outcomes { get; } = new SqlOutcomeStore(factory);
    public IDeliveryQueries Queries { get; } = new SqlDeliveryQueries(factory);
    public IDestinationStore Destinations { get; } = new SqlDestinationStore(factory, time);
    public IAuditLog Audit { get; } = new SqlAuditLog(factory);

    public async Task<bool> MarkSentAsync(long id, string owner, IReadOnlyList<string> remoteIds, DateTimeOffset now, CancellationToken cancellationToken, int? version = null) =>
        (await Outcomes.RecordAsync(owner, [new DeliveryOutcome(id, DeliveryStatus.Sent, remoteIds, SentVersion: version)], now, cancellationToken)).Count == 0;

    public async Task<bool> RescheduleAsync(long id, string owner, DateTimeOffset nextAttemptAt, string? error, IReadOnlyList<string> remoteIds, bool countAttempt, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await Outcomes.RecordAsync(owner,
            [new DeliveryOutcome(id, error is null ? DeliveryStatus.Queued : DeliveryStatus.Failed, remoteIds, error, nextAttemptAt, GiveBackAttempt: !countAttempt)],
            now, cancellationToken)).Count == 0;

    public async Task<bool> MarkDeadAsync(long id, string owner, string error, IReadOnlyList<string> remoteIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await Outcomes.RecordAsync(owner, [new DeliveryOutcome(id, DeliveryStatus.Dead, remoteIds, error)], now, cancellationToken)).Count == 0;

    public Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string owner, int limit, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        Claims.ClaimAsync(new ClaimRequest(owner, limit, now, leaseUntil), cancellationToken);
}
