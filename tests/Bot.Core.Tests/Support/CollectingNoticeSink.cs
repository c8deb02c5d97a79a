using System.Collections.Concurrent;
using Bot.Core.Admin;

namespace Bot.Core.Tests.Support;

/// <summary>An <see cref="IAdminNoticeSink"/> that keeps every digest with the time it was sent, and can be told to fail.</summary>
public sealed class CollectingNoticeSink(TimeProvider time) : IAdminNoticeSink
{
    private readonly ConcurrentQueue<(DateTimeOffset At, AdminNoticeDigest Digest)> _sent = new();

    public IReadOnlyList<(DateTimeOffset At, AdminNoticeDigest Digest)> Sent => [.. _sent];

    /// <summary>When set, every send throws this after recording nothing.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Completes each time a digest was handled (sent or failed).</summary>
    public SemaphoreSlim Handled { get; } = new(0);

    public Task SendAsync(AdminNoticeDigest digest, CancellationToken cancellationToken)
    {
        try
        {
            if (Failure is { } failure) throw failure;
            _sent.Enqueue((time.GetUtcNow(), digest));
            return Task.CompletedTask;
        }
        finally
        {
            Handled.Release();
        }
    }
}
