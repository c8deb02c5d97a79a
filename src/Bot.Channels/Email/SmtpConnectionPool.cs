using Microsoft.Extensions.Logging;

namespace Bot.Channels.Email;

/// <summary>
/// A fixed set of SMTP connections opened lazily and reused: opening a session (TCP, TLS, EHLO, AUTH) costs
/// far more than a message, and relays throttle clients that reconnect for every mail. The most recently
/// returned connection is handed out first, so a trickle of mail keeps one session busy instead of waking
/// every pooled one.
/// </summary>
internal sealed class SmtpConnectionPool : IAsyncDisposable
{
    private readonly SemaphoreSlim free;
    private readonly Stack<SmtpConnection> idle;
    private readonly List<SmtpConnection> all;
    private readonly Lock gate = new();
    private int disposed;

    public SmtpConnectionPool(SmtpOptions options, ILogger logger)
    {
        all = Enumerable.Range(0, options.PoolSize).Select(_ => new SmtpConnection(options, logger)).ToList();
        idle = new Stack<SmtpConnection>(all);
        free = new SemaphoreSlim(options.PoolSize, options.PoolSize);
    }

    /// <summary>Waits for a free connection; give it back with <see cref="Return"/>.</summary>
    public async ValueTask<SmtpConnection> RentAsync(CancellationToken cancellationToken)
    {
        await free.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            return idle.Pop();
        }
    }

    public void Return(SmtpConnection connection)
    {
        lock (gate)
        {
            idle.Push(connection);
        }

        free.Release();
    }

    /// <summary>Sends QUIT on every connection once its current send is over; gives up on stragglers after a few seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        // The container disposes the sender once as itself and once as the IChannelSender it also serves as.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            for (var i = 0; i < all.Count; i++)
            {
                var connection = await RentAsync(quit.Token).ConfigureAwait(false);
                await connection.CloseAsync(quit.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            foreach (var connection in all)
            {
                connection.Drop();
            }
        }
    }
}
