using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery.Planning;
using Bot.Core.Subscriptions;

namespace Bot.Core.Tests.Support;

/// <summary>Private-chat subscribers in memory, shared with <see cref="InMemoryDeliveryStore"/> for fan-outs.</summary>
public sealed class InMemoryTelegramSubscriberStore(TimeProvider time) : ITelegramSubscriberStore
{
    private readonly Lock _gate = new();
    private readonly List<TelegramSubscriber> _chats = [];

    public IReadOnlyList<TelegramSubscriber> All
    {
        get
        {
            lock (_gate) return _chats.ToList();
        }
    }

    public IReadOnlyList<FanOutRecipient> Page(long afterId, int limit, IReadOnlyList<string> topics)
    {
        lock (_gate)
        {
            return _chats.Where(c => c.Status == TelegramSubscriberStatus.Active && c.Id > afterId && (c.Topic is null || topics.Contains(c.Topic)))
                .OrderBy(c => c.Id).Take(limit).Select(c => new FanOutRecipient(c.Id, c.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        }
    }

    public TelegramSubscriberStatus? StatusOf(string recipient)
    {
        lock (_gate) return _chats.FirstOrDefault(c => c.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture) == recipient)?.Status;
    }

    public Task<SubscriberChange> SubscribeAsync(long chatId, long? userId, string? name, string? topic, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var i = _chats.FindIndex(c => c.ChatId == chatId);
            if (i < 0)
            {
                _chats.Add(new TelegramSubscriber(_chats.Count + 1, chatId, userId, name, topic, TelegramSubscriberStatus.Active, null, now, now));
                return Task.FromResult(SubscriberChange.Added);
            }

            var changed = _chats[i].Status != TelegramSubscriberStatus.Active || _chats[i].Topic != topic;
            _chats[i] = _chats[i] with { Topic = topic, Status = TelegramSubscriberStatus.Active, Reason = null, UpdatedAt = changed ? now : _chats[i].UpdatedAt };
            return Task.FromResult(changed ? SubscriberChange.Updated : SubscriberChange.Unchanged);
        }
    }

    public Task<SubscriberChange> UnsubscribeAsync(long chatId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var i = _chats.FindIndex(c => c.ChatId == chatId);
            if (i < 0) return Task.FromResult(SubscriberChange.NotFound);
            if (_chats[i].Status != TelegramSubscriberStatus.Active) return Task.FromResult(SubscriberChange.Unchanged);
            _chats[i] = _chats[i] with { Status = TelegramSubscriberStatus.Unsubscribed, UpdatedAt = time.GetUtcNow() };
            return Task.FromResult(SubscriberChange.Updated);
        }
    }

    public Task<bool> MarkBlockedAsync(long chatId, string reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var i = _chats.FindIndex(c => c.ChatId == chatId);
            if (i < 0) return Task.FromResult(false);
            _chats[i] = _chats[i] with { Status = TelegramSubscriberStatus.Blocked, Reason = reason, UpdatedAt = time.GetUtcNow() };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyDictionary<long, TelegramSubscriberStatus>> StatusesAsync(IReadOnlyCollection<long> chatIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyDictionary<long, TelegramSubscriberStatus>>(
                _chats.Where(c => chatIds.Contains(c.ChatId)).ToDictionary(c => c.ChatId, c => c.Status));
        }
    }

    public Task<TelegramSubscriber?> GetAsync(long chatId, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_chats.FirstOrDefault(c => c.ChatId == chatId));
    }

    public Task<IReadOnlyDictionary<TelegramSubscriberStatus, long>> CountAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyDictionary<TelegramSubscriberStatus, long> counts = Enum.GetValues<TelegramSubscriberStatus>()
                .ToDictionary(s => s, s => (long)_chats.Count(c => c.Status == s));
            return Task.FromResult(counts);
        }
    }
}
