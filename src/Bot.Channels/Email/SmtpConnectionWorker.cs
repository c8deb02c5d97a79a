namespace Bot.Channels.Email;

/// <summary>
/// Takes messages from the pool's <see cref="SmtpJobQueue"/> and sends them over one session, one at a time. On a
/// pipelining session a message's final dot waits in the buffer until the worker knows whether another message is
/// queued: if one is, its MAIL, RCPT and DATA go out in the same write, and one round trip serves the end of one
/// message and the start of the next.
/// </summary>
internal sealed class SmtpConnectionWorker(SmtpConnection connection, SmtpJobQueue jobs)
{
    /// <summary>Runs until the queue is completed and empty, then says QUIT unless <paramref name="quitting"/> ends first.</summary>
    public async Task RunAsync(CancellationToken quitting)
    {
        // A message whose content and final dot are written and whose reply is not read yet.
        SmtpSendJob? awaitingReply = null;
        while (true)
        {
            SmtpSendJob? next;
            if (awaitingReply is null)
            {
                if ((next = await jobs.TakeAsync().ConfigureAwait(false)) is null)
                {
                    break;
                }
            }
            else if (!jobs.TryTake(out next))
            {
                next = null;
            }

            if (next is { IsAbandoned: true })
            {
                next = null;
            }

            if (awaitingReply is not null)
            {
                var joining = next?.Envelope is not null && connection.Pipelined is not null ? next : null;
                awaitingReply = await FinishAsync(awaitingReply, joining).ConfigureAwait(false);
                if (joining is not null)
                {
                    continue;
                }
            }

            if (next is not null)
            {
                awaitingReply = await StartAsync(next).ConfigureAwait(false);
            }
        }

        try
        {
            await connection.CloseAsync(quitting).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            connection.Drop();
        }
    }

    /// <summary>Sends a message on a session with nothing outstanding; returns it when its final reply is still to come.</summary>
    private async Task<SmtpSendJob?> StartAsync(SmtpSendJob job)
    {
        try
        {
            var client = await connection.ConnectedClientAsync(job.CancellationToken).ConfigureAwait(false);
            if (connection.Pipelined is { } pipeline && job.Envelope is { } envelope)
            {
                await pipeline.WriteEnvelopeAsync(envelope, job.CancellationToken).ConfigureAwait(false);
                return await OpenDataAsync(pipeline, job, envelope).ConfigureAwait(false);
            }

            await job.Mail.SendAsync(client, job.CancellationToken).ConfigureAwait(false);
            job.Succeed();
        }
        catch (Exception exception)
        {
            Fail(job, exception);
        }

        return null;
    }

    /// <summary>
    /// Reads the final reply of <paramref name="sent"/>, with the envelope of <paramref name="joining"/> sent in the
    /// same write; returns <paramref name="joining"/> once its content is written, or null.
    /// </summary>
    private async Task<SmtpSendJob?> FinishAsync(SmtpSendJob sent, SmtpSendJob? joining)
    {
        var pipeline = connection.Pipelined!;
        try
        {
            if (joining is not null)
            {
                await pipeline.WriteEnvelopeAsync(joining.Envelope!, joining.CancellationToken).ConfigureAwait(false);
            }

            await pipeline.ReadContentReplyAsync(sent.CancellationToken).ConfigureAwait(false);
            sent.Succeed();
        }
        catch (Exception exception)
        {
            Fail(sent, exception);
            if (connection.Pipelined is null && joining is not null)
            {
                // The session broke under both: the joining message was never taken and goes again on a fresh one.
                var lost = exception is OperationCanceledException ? new IOException("The SMTP session was abandoned.", exception) : exception;
                joining.Fail(lost, SmtpPhase.Send);
                return null;
            }
        }

        return joining is null ? null : await OpenDataAsync(pipeline, joining, joining.Envelope!).ConfigureAwait(false);
    }

    private async Task<SmtpSendJob?> OpenDataAsync(PipelinedSmtpTransaction pipeline, SmtpSendJob job, SmtpEnvelope envelope)
    {
        try
        {
            await pipeline.ReadEnvelopeRepliesAsync(envelope, job.CancellationToken).ConfigureAwait(false);
            await pipeline.WriteContentAsync(job.Mail, job.CancellationToken).ConfigureAwait(false);
            return job;
        }
        catch (Exception exception)
        {
            Fail(job, exception);
            return null;
        }
    }

    /// <summary>Hands the failure to the job's sender; a session out of step with its server is dropped first.</summary>
    private void Fail(SmtpSendJob job, Exception exception)
    {
        var phase = connection.Phase;
        if (SmtpFailureReader.BreaksConnection(exception))
        {
            connection.Drop();
        }

        job.Fail(exception, phase);
    }
}
