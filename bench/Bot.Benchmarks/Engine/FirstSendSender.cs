using System.Collections.Concurrent;
using System.Diagnostics;
using Bot.Core.Channels;

namespace Bot.Benchmarks.Engine;

/// <summary>A channel that accepts everything at once and notes when each article was first sent.</summary>
public sealed class FirstSendSender(string channel) : IChannelSender
{
    private readonly ConcurrentDictionary<string, long> _firstSent = new();
    private long _sent;

    public string Channel => channel;

    public long Sent => Interlocked.Read(ref _sent);

    public bool TryGetFirstSend(string articleKey, out long timestamp) => _firstSent.TryGetValue(articleKey, out timestamp);

    public Task<SendOutcome> SendAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> alreadySent, CancellationToken cancellationToken)
    {
        if (target.Reference is { } reference) _firstSent.TryAdd(reference.ArticleKey, Stopwatch.GetTimestamp());
        return Task.FromResult<SendOutcome>(new SendOutcome.Sent([Interlocked.Increment(ref _sent).ToString(System.Globalization.CultureInfo.InvariantCulture)]));
    }

    public Task<SendOutcome> EditAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Sent(remoteIds));

    public Task<SendOutcome> DeleteAsync(DeliveryTarget target, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Sent([]));
}
