using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Bot.Core.Storage;

namespace Bot.Host.Sources;

public sealed class ArticleFeed : IArticleFeed
{
    /// <summary>Notices kept per subscriber before the oldest is dropped.</summary>
    public const int Capacity = 1024;

    private readonly ConcurrentDictionary<Channel<ImportResult>, byte> _subscribers = new();

    public void Publish(ImportResult imported)
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Writer.TryWrite(imported);
        }
    }

    public async IAsyncEnumerable<ImportResult> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ImportResult>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _subscribers.TryAdd(channel, 0);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            _subscribers.TryRemove(channel, out _);
        }
    }
}
