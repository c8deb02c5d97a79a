using Microsoft.Extensions.Logging;

namespace Bot.Channels.Email;

/// <summary>
/// A fixed set of SMTP sessions, opened lazily and reused, each served by a <see cref="SmtpConnectionWorker"/> that
/// takes messages from one shared <see cref="SmtpJobQueue"/>: opening a session (TCP, TLS, EHLO, AUTH) costs far
/// more than a message, relays throttle clients that reconnect for every mail, and a worker that sees the next
/// message waiting can pipeline it behind the one it is finishing.
/// </summary>
internal sealed class SmtpConnectionPool : IAsyncDisposable
{
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(5);

    private readonly SmtpJobQueue jobs = new();
    private readonly List<Task> running;
    private readonly CancellationTokenSource quitting = new();
    private int disposed;

    public SmtpConnectionPool(SmtpOptions options, RelayCertificateTrust trust, ILogger logger)
    {
        running = Enumerable.Range(0, options.PoolSize)
            .Select(_ => new SmtpConnectionWorker(new SmtpConnection(options, trust, logger), jobs))
            .Select(worker => Task.Run(() => worker.RunAsync(quitting.Token)))
            .ToList();
    }

    /// <summary>Sends the message on the next free session; the result tells what the server said.</summary>
    public async Task<SmtpSendResult> SendAsync(ComposedMail mail, CancellationToken cancellationToken)
    {
        var job = new SmtpSendJob(mail, cancellationToken);
        if (!jobs.TryAdd(job))
        {
            throw new ObjectDisposedException(nameof(EmailChannelSender));
        }

        return await job.Result.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lets the workers finish what they hold and say QUIT; gives up on stragglers after a few seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        // The container disposes the sender once as itself and once as the IChannelSender it also serves as.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        jobs.Complete();
        quitting.CancelAfter(QuitGrace);
        try
        {
            await Task.WhenAll(running).WaitAsync(QuitGrace * 2).ConfigureAwait(false);
            quitting.Dispose();
        }
        catch (TimeoutException)
        {
            // A send hanging past its own timeout: what the workers could not take is handed back for later.
            while (jobs.TryTake(out var job))
            {
                job.Fail(new IOException("The email channel stopped before this message was sent."), SmtpPhase.Send);
            }
        }
    }
}
