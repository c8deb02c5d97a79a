using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Admin;

/// <summary>
/// The <see cref="IAdminNotifier"/> of <c>bot run</c>: <see cref="Notify"/> only queues, and <see cref="RunAsync"/>,
/// on its own task, coalesces (<see cref="AdminNoticeCoalescer"/>) and hands each digest to the sink. A slow or
/// failing sink (Telegram rate limits, an outage) therefore never reaches the dispatcher; its failures are logged.
/// </summary>
public sealed partial class AdminNoticeQueue : IAdminNotifier
{
    private readonly Channel<AdminNotice> _queue;
    private readonly AdminNoticeOptions _options;
    private readonly IAdminNoticeSink _sink;
    private readonly TimeProvider _time;
    private readonly ILogger<AdminNoticeQueue> _logger;
    private long _dropped;
    private volatile bool _sleeping;

    public AdminNoticeQueue(AdminNoticeOptions options, IAdminNoticeSink sink, TimeProvider time, ILogger<AdminNoticeQueue> logger)
    {
        _options = options;
        _sink = sink;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<AdminNotice>(
            new BoundedChannelOptions(options.QueueLimit) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Every queued notice is taken and the loop sleeps until a window ends; lets tests advance a fake clock safely.</summary>
    internal bool IsIdleUntilWindowEnds => _sleeping && _queue.Reader.Count == 0;

    public void Notify(AdminNotice notice)
    {
        if (notice is not null) _queue.Writer.TryWrite(notice);
    }

    /// <summary>Sends digests until <paramref name="stoppingToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var coalescer = new AdminNoticeCoalescer(_options.Window);
        try
        {
            while (true)
            {
                await WaitAsync(coalescer.NextDue, stoppingToken);
                var now = _time.GetUtcNow();
                foreach (var digest in coalescer.Due(now))
                {
                    await SendAsync(digest, stoppingToken);
                }

                while (_queue.Reader.TryRead(out var notice))
                {
                    if (coalescer.Offer(notice, _time.GetUtcNow()) is { } digest)
                    {
                        await SendAsync(digest, stoppingToken);
                    }
                }

                if (Interlocked.Exchange(ref _dropped, 0) is var dropped and > 0)
                {
                    LogDropped(dropped);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // Until a notice arrives or the next window ends, whichever is first.
    private async Task WaitAsync(DateTimeOffset? until, CancellationToken stoppingToken)
    {
        if (_queue.Reader.TryPeek(out _)) return;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var read = _queue.Reader.WaitToReadAsync(linked.Token).AsTask();
        if (until is { } end)
        {
            var delay = end - _time.GetUtcNow();
            var timer = delay > TimeSpan.Zero ? Task.Delay(delay, _time, linked.Token) : Task.CompletedTask;
            // Only once the timer exists: a clock moved earlier would leave it waiting for a time already past.
            _sleeping = true;
            await Task.WhenAny(read, timer);
            _sleeping = false;
            await linked.CancelAsync();
        }
        else
        {
            await read;
        }

        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task SendAsync(AdminNoticeDigest digest, CancellationToken stoppingToken)
    {
        try
        {
            await _sink.SendAsync(digest, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogSinkFailed(e, digest.Kind, digest.Destination, digest.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Admin notice {Kind} for {Destination} ({Count}) could not be sent")]
    private partial void LogSinkFailed(Exception exception, AdminNoticeKind kind, string destination, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Dropped} admin notices were dropped: the notice queue was full")]
    private partial void LogDropped(long dropped);
}
