using Bot.Core.Audit;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Planning;
using Bot.Core.Delivery.Republishing;
using Bot.Core.Delivery.Store;

namespace Bot.Core.Tests.Support;

/// <summary>
/// The outbox in memory, every role of it, with the same rules as the SQL stores: unique deliveries, per destination
/// and recipient only the oldest unfinished one is claimable, leases guarded by owner, paused destinations held, one
/// planner per version, and each claim told what its thread last sent.
/// </summary>
public sealed class InMemoryDeliveryStore(TimeProvider time, InMemoryRecipientDirectory? recipients = null, InMemoryTelegramSubscriberStore? chats = null)
    : IPlanningStore, IClaimStore, IOutcomeStore, IDeliveryQueries, IDestinationStore, IAuditLog, IRepublishLedger
{
    private static readonly DeliveryStatus[] Unfinished = [DeliveryStatus.Queued, DeliveryStatus.Failed, DeliveryStatus.Sending, DeliveryStatus.Held];

    private readonly Lock _gate = new();
    private readonly List<Row> _rows = [];
    private readonly List<ArticleVersionRef> _unplanned = [];
    private readonly Dictionary<ArticleVersionRef, (string Owner, DateTimeOffset Until)> _planningClaims = [];
    private readonly Dictionary<string, DestinationState> _destinations = new(StringComparer.OrdinalIgnoreCase);

    public List<(string Actor, string Action, string Subject, string Detail)> Audit { get; } = [];

    /// <summary>Makes the next <paramref name="count"/> outcome writes fail, as a store outage would.</summary>
    public int FailNextRecords { get; set; }

    /// <summary>Outcome writes attempted, failed ones included.</summary>
    public int RecordCalls { get; private set; }

    /// <summary>What an article import does in the real store: the version waits to be planned.</summary>
    public void MarkImported(string key, int version)
    {
        lock (_gate) _unplanned.Add(new ArticleVersionRef(key, version));
    }

    public IReadOnlyList<DeliveryRecord> All
    {
        get
        {
            lock (_gate) return _rows.OrderBy(r => r.Id).Select(r => r.ToRecord()).ToList();
        }
    }

    /// <summary>The version each delivery's messages show, by delivery id, once sent.</summary>
    public int? SentVersionOf(long id)
    {
        lock (_gate) return _rows.Single(r => r.Id == id).SentVersion;
    }

    /// <summary>The lease a delivery is held under, if any.</summary>
    public (string? Owner, DateTimeOffset? Until) LeaseOf(long id)
    {
        lock (_gate)
        {
            var row = _rows.Single(r => r.Id == id);
            return (row.LeaseOwner, row.LeaseUntil);
        }
    }

    public Task<IReadOnlyList<ArticleVersionRef>> ListUnplannedAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ArticleVersionRef>>(_unplanned
                .Where(v => !_unplanned.Any(w => w.ArticleKey == v.ArticleKey && w.Version < v.Version))
                .Take(limit).ToList());
        }
    }

    public Task<bool> TryClaimPlanningAsync(ArticleVersionRef version, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_unplanned.Contains(version)) return Task.FromResult(false);
            if (_planningClaims.TryGetValue(version, out var claim) && claim.Until > now && claim.Owner != owner) return Task.FromResult(false);
            _planningClaims[version] = (owner, leaseUntil);
            return Task.FromResult(true);
        }
    }

    public Task MarkPlannedAsync(ArticleVersionRef version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _unplanned.Remove(version);
            _planningClaims.Remove(version);
        }
        return Task.CompletedTask;
    }

    public Task<AnnouncementHistory> GetHistoryAsync(string articleKey, int beforeVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var threads = _rows
                .Where(r => r.ArticleKey == articleKey && r.ArticleVersion < beforeVersion && r.Kind == DeliveryKind.Announce)
                .GroupBy(r => (r.Destination, r.Generation))
                .Select(g => new AnnouncementThread(g.Key.Destination, g.Key.Generation,
                    g.Any(r => r.Status == DeliveryStatus.Sent) ? AnnouncementState.Sent
                    : g.Any(r => Unfinished.Contains(r.Status)) ? AnnouncementState.Pending
                    : AnnouncementState.None))
                .ToList();
            return Task.FromResult(new AnnouncementHistory(threads));
        }
    }

    public Task<int> AddAsync(IReadOnlyList<PlannedDelivery> deliveries, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(AddLocked(deliveries));
    }

    private int AddLocked(IEnumerable<PlannedDelivery> deliveries)
    {
        var added = 0;
        var now = time.GetUtcNow();
        foreach (var d in deliveries)
        {
            if (_rows.Any(r => r.ArticleKey == d.ArticleKey && r.ArticleVersion == d.ArticleVersion && r.Destination == d.Destination
                               && r.Recipient == d.Recipient && r.Kind == d.Kind && r.Generation == d.Generation))
            {
                continue;
            }
            var paused = _destinations.TryGetValue(d.Destination, out var state) && state.Paused;
            _rows.Add(new Row
            {
                Id = _rows.Count + 1, ArticleKey = d.ArticleKey, ArticleVersion = d.ArticleVersion, Destination = d.Destination,
                Recipient = d.Recipient, Kind = d.Kind, Generation = d.Generation, Status = paused ? DeliveryStatus.Held : DeliveryStatus.Queued,
                NextAttemptAt = now, CreatedAt = now, UpdatedAt = now,
            });
            added++;
        }
        return added;
    }

    public Task<FanOutProgress> FanOutAsync(PlannedFanOut fanOut, long afterId, int pageSize, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<FanOutRecipient> page = fanOut.Source switch
            {
                FanOutSource.ActiveSubscribers => recipients?.Page(fanOut.Destination, afterId, pageSize) ?? [],
                FanOutSource.ChatSubscribers => chats?.Page(afterId, pageSize, fanOut.Topics) ?? [],
                FanOutSource.AnnouncedChats => _rows.Where(r => r.ArticleKey == fanOut.ArticleKey && r.Destination == fanOut.Destination && r.Kind == DeliveryKind.Announce
                                   && r.Generation == fanOut.Generation
                                   && (r.Status == DeliveryStatus.Sent || Unfinished.Contains(r.Status)) && r.Id > afterId
                                   && chats?.StatusOf(r.Recipient) is { } status
                                   && (status == TelegramSubscriberStatus.Active || (fanOut.Kind == DeliveryKind.Delete && status == TelegramSubscriberStatus.Unsubscribed)))
                    .OrderBy(r => r.Id).Take(pageSize).Select(r => new FanOutRecipient(r.Id, r.Recipient)).ToList(),
                _ => _rows.Where(r => r.ArticleKey == fanOut.ArticleKey && r.Destination == fanOut.Destination && r.Kind == DeliveryKind.Announce
                                   && r.Generation == fanOut.Generation && r.Status == DeliveryStatus.Sent && r.Id > afterId)
                    .OrderBy(r => r.Id).Take(pageSize).Select(r => new FanOutRecipient(r.Id, r.Recipient)).ToList(),
            };
            var batch = FanOutBatch.From(fanOut, afterId, page, pageSize);
            var created = AddLocked(batch.Deliveries);
            return Task.FromResult(new FanOutProgress(created, batch.NextCursor, batch.Done));
        }
    }

    public Task<int> CancelPendingAsync(string articleKey, string reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var rows = _rows.Where(r => r.ArticleKey == articleKey && r.Kind != DeliveryKind.Delete
                                        && r.Status is DeliveryStatus.Queued or DeliveryStatus.Failed or DeliveryStatus.Held && r.RemoteIds.Count == 0).ToList();
            foreach (var r in rows)
            {
                r.Status = DeliveryStatus.Cancelled;
                r.LastError = reason;
            }
            return Task.FromResult(rows.Count);
        }
    }

    public Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ReleaseExpiredLocked(request.Now);
            var claimed = Heads(request).Where(r => r.NextAttemptAt <= request.Now).OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).Take(request.Limit).ToList();
            foreach (var r in claimed)
            {
                r.Status = DeliveryStatus.Sending;
                r.LeaseOwner = request.Owner;
                r.LeaseUntil = request.LeaseUntil;
                r.Attempts++;
                r.UpdatedAt = request.Now;
            }
            return Task.FromResult<IReadOnlyList<ClaimedDelivery>>(claimed
                .Select(r => new ClaimedDelivery(r.Id, r.ArticleKey, r.ArticleVersion, r.Destination, r.Recipient, r.Kind, r.Attempts, r.RemoteIds,
                    request.LeaseUntil, r.Generation, LastSentLocked(r), r.SentVersion, r.ShownParts))
                .ToList());
        }
    }

    private SentThread? LastSentLocked(Row claimed)
    {
        var last = _rows.Where(r => r.ArticleKey == claimed.ArticleKey && r.Destination == claimed.Destination && r.Recipient == claimed.Recipient
                                    && r.Generation == claimed.Generation && r.Status == DeliveryStatus.Sent)
            .MaxBy(r => r.Id);
        return last is null ? null : new SentThread(last.Kind, last.SentVersion ?? last.ArticleVersion, last.RemoteIds);
    }

    // The oldest unfinished delivery of each destination and recipient, when it is waiting and its destination may send.
    private IEnumerable<Row> Heads(ClaimRequest request) =>
        _rows.Where(r => Unfinished.Contains(r.Status))
            .GroupBy(r => (r.Destination, r.Recipient))
            .Select(g => g.MinBy(r => r.Id)!)
            .Where(r => r.Status is DeliveryStatus.Queued or DeliveryStatus.Failed)
            .Where(r => !request.ExcludedDestinations.Contains(r.Destination, StringComparer.OrdinalIgnoreCase))
            .Where(r => !_destinations.TryGetValue(r.Destination, out var s)
                        || (!s.Paused && !s.Disabled && !request.ExcludedChannels.Contains(s.Channel, StringComparer.OrdinalIgnoreCase)));

    public Task<DateTimeOffset?> NextDueAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Heads(request).Select(r => (DateTimeOffset?)r.NextAttemptAt).Min());
        }
    }

    public Task<int> RenewAsync(string owner, IReadOnlyCollection<long> ids, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var rows = _rows.Where(r => ids.Contains(r.Id) && r.Status == DeliveryStatus.Sending && r.LeaseOwner == owner).ToList();
            foreach (var r in rows) r.LeaseUntil = leaseUntil;
            return Task.FromResult(rows.Count);
        }
    }

    public Task<IReadOnlyCollection<long>> RecordAsync(string owner, IReadOnlyList<DeliveryOutcome> outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            RecordCalls++;
            if (FailNextRecords > 0)
            {
                FailNextRecords--;
                throw new InvalidOperationException("the store is not answering");
            }

            var lost = new List<long>();
            foreach (var o in outcomes)
            {
                var row = _rows.FirstOrDefault(r => r.Id == o.Id && r.Status == DeliveryStatus.Sending && r.LeaseOwner == owner);
                if (row is null)
                {
                    lost.Add(o.Id);
                    continue;
                }

                row.Status = o.Status;
                row.RemoteIds = o.RemoteIds;
                row.UpdatedAt = now;
                row.LeaseOwner = null;
                row.LeaseUntil = null;
                switch (o.Status)
                {
                    case DeliveryStatus.Sent:
                        row.SentAt = now;
                        row.SentVersion = o.SentVersion;
                        row.ShownParts = null;
                        break;
                    case DeliveryStatus.Queued or DeliveryStatus.Failed:
                        row.SentVersion = o.SentVersion;
                        row.ShownParts = o.ShownParts;
                        row.NextAttemptAt = o.NextAttemptAt ?? now;
                        row.LastError = o.Error ?? row.LastError;
                        if (o.GiveBackAttempt) row.Attempts--;
                        break;
                    case DeliveryStatus.Dead:
                        row.SentVersion = o.SentVersion;
                        row.ShownParts = o.ShownParts;
                        row.LastError = o.Error;
                        break;
                    default:
                        row.LastError = o.Error;
                        break;
                }
            }
            return Task.FromResult<IReadOnlyCollection<long>>(lost);
        }
    }

    public Task<int> ReleaseAsync(string owner, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var rows = _rows.Where(r => r.Status == DeliveryStatus.Sending && r.LeaseOwner == owner).ToList();
            foreach (var r in rows)
            {
                r.Status = DeliveryStatus.Queued;
                r.Attempts--;
                r.LeaseOwner = null;
                r.LeaseUntil = null;
            }
            return Task.FromResult(rows.Count);
        }
    }

    public Task<int> ReleaseExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(ReleaseExpiredLocked(now));
    }

    private int ReleaseExpiredLocked(DateTimeOffset now)
    {
        var rows = _rows.Where(r => r.Status == DeliveryStatus.Sending && r.LeaseUntil <= now).ToList();
        foreach (var r in rows)
        {
            r.Status = DeliveryStatus.Queued;
            r.LeaseOwner = null;
            r.LeaseUntil = null;
        }
        return rows.Count;
    }

    public Task SyncAsync(IReadOnlyList<Destination> destinations, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var d in destinations)
            {
                _destinations[d.Name] = _destinations.TryGetValue(d.Name, out var s)
                    ? s with { Channel = d.Channel, Address = d.Address }
                    : new DestinationState(d.Name, d.Channel, d.Address, false, false, null);
            }
        }
        return Task.CompletedTask;
    }

    Task<IReadOnlyList<DestinationState>> IDestinationStore.ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<DestinationState>>(_destinations.Values.ToList());
    }

    public IReadOnlyList<DestinationState> Destinations
    {
        get
        {
            lock (_gate) return _destinations.Values.ToList();
        }
    }

    public Task<bool> SetPausedAsync(string destination, bool paused, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_destinations.TryGetValue(destination, out var s)) return Task.FromResult(false);
            _destinations[destination] = s with { Paused = paused };
            foreach (var r in _rows.Where(r => r.Destination == destination))
            {
                if (paused && r.Status is DeliveryStatus.Queued or DeliveryStatus.Failed) r.Status = DeliveryStatus.Held;
                else if (!paused && r.Status == DeliveryStatus.Held) r.Status = DeliveryStatus.Queued;
            }
            return Task.FromResult(true);
        }
    }

    public Task<bool> SetDisabledAsync(string destination, string? reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_destinations.TryGetValue(destination, out var s)) return Task.FromResult(false);
            _destinations[destination] = s with { Disabled = reason is not null, DisabledReason = reason };
            return Task.FromResult(true);
        }
    }

    public Task SetAddressAsync(string destination, string address, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_destinations.TryGetValue(destination, out var s)) _destinations[destination] = s with { Address = address };
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(DeliveryQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DeliveryRecord>>(_rows
                .Where(r => query.Status is null || r.Status == query.Status)
                .Where(r => query.ArticleKey is null || r.ArticleKey == query.ArticleKey)
                .Where(r => query.Destination is null || r.Destination == query.Destination)
                .OrderByDescending(r => r.Id).Take(query.Limit).Select(r => r.ToRecord()).ToList());
        }
    }

    public Task<int> RequeueDeadAsync(long? id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var rows = _rows.Where(r => r.Status == DeliveryStatus.Dead && (id is null || r.Id == id)).ToList();
            foreach (var r in rows)
            {
                r.Status = DeliveryStatus.Queued;
                r.Attempts = 0;
                r.NextAttemptAt = now;
                r.UpdatedAt = now;
            }
            return Task.FromResult(rows.Count);
        }
    }

    public Task<RepublishMark?> GetLatestAsync(string articleKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var copies = _rows.Where(r => r.ArticleKey == articleKey && r.Generation > 0).ToList();
            if (copies.Count == 0) return Task.FromResult<RepublishMark?>(null);
            var latest = copies.Max(r => r.Generation);
            return Task.FromResult<RepublishMark?>(new RepublishMark(latest, copies.Where(r => r.Generation == latest).Min(r => r.CreatedAt)));
        }
    }

    public Task AuditAsync(string actor, string action, string subject, string detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate) Audit.Add((actor, action, subject, detail));
        return Task.CompletedTask;
    }

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var detail = entry.Detail ?? "";
        var colon = detail.IndexOf(": ", StringComparison.Ordinal);
        lock (_gate) Audit.Add((entry.Actor, entry.Action, colon < 0 ? detail : detail[..colon], colon < 0 ? "" : detail[(colon + 2)..]));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(int limit, long? beforeId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>(
                [.. Audit.Select((a, i) => new AuditEntry(i + 1, default, a.Actor, a.Action, $"{a.Subject}: {a.Detail}", null)).Reverse().Take(limit)]);
        }
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public required string ArticleKey { get; init; }
        public int ArticleVersion { get; init; }
        public required string Destination { get; init; }
        public required string Recipient { get; init; }
        public DeliveryKind Kind { get; init; }
        public int Generation { get; init; }
        public DeliveryStatus Status { get; set; }
        public int Attempts { get; set; }
        public DateTimeOffset NextAttemptAt { get; set; }
        public string? LeaseOwner { get; set; }
        public DateTimeOffset? LeaseUntil { get; set; }
        public IReadOnlyList<string> RemoteIds { get; set; } = [];
        public string? LastError { get; set; }
        public int? SentVersion { get; set; }

        public int? ShownParts { get; set; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; set; }
        public DateTimeOffset? SentAt { get; set; }

        public DeliveryRecord ToRecord() => new(Id, ArticleKey, ArticleVersion, Destination, Recipient, Kind, Status, Attempts,
            NextAttemptAt, RemoteIds, LastError, CreatedAt, UpdatedAt, SentAt);
    }
}
