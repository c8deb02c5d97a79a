using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Planning;

namespace Bot.Core.Tests.Support;

/// <summary>
/// The outbox in memory, with the same rules as the SQL stores: unique deliveries, per destination and recipient
/// only the oldest unfinished one is claimable, leases guarded by owner, paused destinations held.
/// </summary>
public sealed class InMemoryDeliveryStore(TimeProvider time, InMemoryRecipientDirectory? recipients = null, InMemoryTelegramSubscriberStore? chats = null) : IDeliveryStore
{
    private static readonly DeliveryStatus[] Unfinished = [DeliveryStatus.Queued, DeliveryStatus.Failed, DeliveryStatus.Sending, DeliveryStatus.Held];

    private readonly Lock _gate = new();
    private readonly List<Row> _rows = [];
    private readonly List<(string Key, int Version)> _unplanned = [];
    private readonly Dictionary<string, DestinationState> _destinations = new(StringComparer.OrdinalIgnoreCase);

    public List<(string Actor, string Action, string Subject, string Detail)> Audit { get; } = [];

    /// <summary>What an article import does in the real store: the version waits to be planned.</summary>
    public void MarkImported(string key, int version)
    {
        lock (_gate) _unplanned.Add((key, version));
    }

    public IReadOnlyList<DeliveryRecord> All
    {
        get
        {
            lock (_gate) return _rows.OrderBy(r => r.Id).Select(r => r.ToRecord()).ToList();
        }
    }

    public Task<IReadOnlyList<(string ArticleKey, int Version)>> ListUnplannedAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<(string, int)>>(_unplanned.Take(limit).ToList());
    }

    public Task MarkPlannedAsync(string articleKey, int version, CancellationToken cancellationToken)
    {
        lock (_gate) _unplanned.Remove((articleKey, version));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, AnnouncementState>> GetAnnouncementStatesAsync(string articleKey, int beforeVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyDictionary<string, AnnouncementState> states = _rows
                .Where(r => r.ArticleKey == articleKey && r.ArticleVersion < beforeVersion && r.Kind == DeliveryKind.Announce)
                .GroupBy(r => r.Destination)
                .ToDictionary(
                    g => g.Key,
                    g => g.Any(r => r.Status == DeliveryStatus.Sent) ? AnnouncementState.Sent
                        : g.Any(r => Unfinished.Contains(r.Status)) ? AnnouncementState.Pending
                        : AnnouncementState.None);
            return Task.FromResult(states);
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
                               && r.Recipient == d.Recipient && r.Kind == d.Kind))
            {
                continue;
            }
            var paused = _destinations.TryGetValue(d.Destination, out var state) && state.Paused;
            _rows.Add(new Row
            {
                Id = _rows.Count + 1, ArticleKey = d.ArticleKey, ArticleVersion = d.ArticleVersion, Destination = d.Destination,
                Recipient = d.Recipient, Kind = d.Kind, Status = paused ? DeliveryStatus.Held : DeliveryStatus.Queued,
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
                                   && (r.Status == DeliveryStatus.Sent || Unfinished.Contains(r.Status)) && r.Id > afterId
                                   && chats?.StatusOf(r.Recipient) is { } status
                                   && (status == TelegramSubscriberStatus.Active || (fanOut.Kind == DeliveryKind.Delete && status == TelegramSubscriberStatus.Unsubscribed)))
                    .OrderBy(r => r.Id).Take(pageSize).Select(r => new FanOutRecipient(r.Id, r.Recipient)).ToList(),
                _ => _rows.Where(r => r.ArticleKey == fanOut.ArticleKey && r.Destination == fanOut.Destination && r.Kind == DeliveryKind.Announce
                                   && r.Status == DeliveryStatus.Sent && r.Id > afterId)
                    .OrderBy(r => r.Id).Take(pageSize).Select(r => new FanOutRecipient(r.Id, r.Recipient)).ToList(),
            };
            var batch = FanOutBatch.From(fanOut, afterId, page, pageSize);
            var created = AddLocked(batch.Deliveries);
            return Task.FromResult(new FanOutProgress(created, batch.NextCursor, batch.Done));
        }
    }

    public Task<int> CancelPendingAsync(string articleKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var rows = _rows.Where(r => r.ArticleKey == articleKey && r.Kind != DeliveryKind.Delete
                                        && r.Status is DeliveryStatus.Queued or DeliveryStatus.Failed or DeliveryStatus.Held).ToList();
            foreach (var r in rows)
            {
                r.Status = DeliveryStatus.Cancelled;
                r.LastError = "article retracted";
            }
            return Task.FromResult(rows.Count);
        }
    }

    public Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string owner, int limit, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ReleaseExpiredLocked(now);
            var claimed = Heads().Where(r => r.NextAttemptAt <= now).OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).Take(limit).ToList();
            foreach (var r in claimed)
            {
                r.Status = DeliveryStatus.Sending;
                r.LeaseOwner = owner;
                r.LeaseUntil = leaseUntil;
                r.Attempts++;
                r.UpdatedAt = now;
            }
            return Task.FromResult<IReadOnlyList<ClaimedDelivery>>(claimed
                .Select(r => new ClaimedDelivery(r.Id, r.ArticleKey, r.ArticleVersion, r.Destination, r.Recipient, r.Kind, r.Attempts, r.RemoteIds, leaseUntil))
                .ToList());
        }
    }

    // The oldest unfinished delivery of each destination and recipient, when it is waiting and its destination may send.
    private IEnumerable<Row> Heads() =>
        _rows.Where(r => Unfinished.Contains(r.Status))
            .GroupBy(r => (r.Destination, r.Recipient))
            .Select(g => g.MinBy(r => r.Id)!)
            .Where(r => r.Status is DeliveryStatus.Queued or DeliveryStatus.Failed)
            .Where(r => !_destinations.TryGetValue(r.Destination, out var s) || (!s.Paused && !s.Disabled));

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Heads().Select(r => (DateTimeOffset?)r.NextAttemptAt).Min());
        }
    }

    public Task<IReadOnlyList<string>?> GetSentRemoteIdsAsync(string articleKey, string destination, string recipient, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var last = _rows.Where(r => r.ArticleKey == articleKey && r.Destination == destination && r.Recipient == recipient
                                        && r.Kind is DeliveryKind.Announce or DeliveryKind.Edit && r.Status == DeliveryStatus.Sent)
                .MaxBy(r => r.Id);
            return Task.FromResult(last?.RemoteIds);
        }
    }

    public Task<bool> MarkSentAsync(long id, string owner, IReadOnlyList<string> remoteIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        Update(id, owner, r =>
        {
            r.Status = DeliveryStatus.Sent;
            r.RemoteIds = remoteIds;
            r.SentAt = now;
            r.UpdatedAt = now;
        });

    public async Task<int> MarkSentAsync(string owner, IReadOnlyList<SentDelivery> sent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marked = 0;
        foreach (var s in sent)
        {
            if (await MarkSentAsync(s.Id, owner, s.RemoteIds, now, cancellationToken)) marked++;
        }
        return marked;
    }

    public Task<bool> RescheduleAsync(long id, string owner, DateTimeOffset nextAttemptAt, string? error, IReadOnlyList<string> remoteIds, bool countAttempt, DateTimeOffset now, CancellationToken cancellationToken) =>
        Update(id, owner, r =>
        {
            r.Status = error is null ? DeliveryStatus.Queued : DeliveryStatus.Failed;
            r.NextAttemptAt = nextAttemptAt;
            r.LastError = error ?? r.LastError;
            r.RemoteIds = remoteIds;
            if (!countAttempt) r.Attempts--;
            r.UpdatedAt = now;
        });

    public Task<bool> MarkDeadAsync(long id, string owner, string error, IReadOnlyList<string> remoteIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        Update(id, owner, r =>
        {
            r.Status = DeliveryStatus.Dead;
            r.LastError = error;
            r.RemoteIds = remoteIds;
            r.UpdatedAt = now;
        });

    public Task<bool> CancelAsync(long id, string owner, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        Update(id, owner, r =>
        {
            r.Status = DeliveryStatus.Cancelled;
            r.LastError = reason;
            r.UpdatedAt = now;
        });

    private Task<bool> Update(long id, string owner, Action<Row> change)
    {
        lock (_gate)
        {
            var row = _rows.FirstOrDefault(r => r.Id == id && r.Status == DeliveryStatus.Sending && r.LeaseOwner == owner);
            if (row is null) return Task.FromResult(false);
            change(row);
            row.LeaseOwner = null;
            row.LeaseUntil = null;
            return Task.FromResult(true);
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

    public Task SyncDestinationsAsync(IReadOnlyList<Destination> destinations, CancellationToken cancellationToken)
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

    public Task<IReadOnlyList<DestinationState>> ListDestinationsAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<DestinationState>>(_destinations.Values.ToList());
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

    public Task AuditAsync(string actor, string action, string subject, string detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate) Audit.Add((actor, action, subject, detail));
        return Task.CompletedTask;
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public required string ArticleKey { get; init; }
        public int ArticleVersion { get; init; }
        public required string Destination { get; init; }
        public required string Recipient { get; init; }
        public DeliveryKind Kind { get; init; }
        public DeliveryStatus Status { get; set; }
        public int Attempts { get; set; }
        public DateTimeOffset NextAttemptAt { get; set; }
        public string? LeaseOwner { get; set; }
        public DateTimeOffset? LeaseUntil { get; set; }
        public IReadOnlyList<string> RemoteIds { get; set; } = [];
        public string? LastError { get; set; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; set; }
        public DateTimeOffset? SentAt { get; set; }

        public DeliveryRecord ToRecord() => new(Id, ArticleKey, ArticleVersion, Destination, Recipient, Kind, Status, Attempts,
            NextAttemptAt, RemoteIds, LastError, CreatedAt, UpdatedAt, SentAt);
    }
}
