using System.Threading.Channels;
using Bot.Core.Subscriptions;

namespace Bot.Host.Subscriptions;

/// <summary>
/// Confirmation mails waiting to go out. <c>POST /subscribe</c> only queues, so its answer takes the same time
/// whether or not a mail is sent, and a slow relay never holds an HTTP request.
/// </summary>
public sealed class ConfirmationMailQueue
{
    /// <summary>Beyond this backlog new requests are dropped (and logged): the rate limiter should never let it fill.</summary>
    public const int Capacity = 1000;

    private readonly Channel<ConfirmationRequest> queue = Channel.CreateBounded<ConfirmationRequest>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public bool TryEnqueue(ConfirmationRequest request) => queue.Writer.TryWrite(request);

    public ChannelReader<ConfirmationRequest> Reader => queue.Reader;
}
