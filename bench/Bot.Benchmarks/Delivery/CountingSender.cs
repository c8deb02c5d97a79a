using Bot.Core.Channels;

namespace Bot.Benchmarks.Delivery;

/// <summary>A channel that accepts everything at once, so a benchmark measures the engine and the store alone.</summary>
public sealed class CountingSender(string channel) : IChannelSender
{
    private long _sent;

    public string Channel => channel;

    public long Sent => Interlocked.Read(ref _sent);

    public Task<SendOutcome> SendAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> alreadySent, CancellationToken cancellationToken) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Sent([Interlocked.Increment(ref _sent).ToString(System.Globalization.CultureInfo.InvariantCulture)]));

    public Task<SendOutcome> EditAsync(DeliveryTarget target, RenderedMessage message, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Sent(remoteIds));

    public Task<SendOutcome> DeleteAsync(DeliveryTarget target, IReadOnlyList<string> remoteIds, CancellationToken cancellationToken) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Sent([]));
}
