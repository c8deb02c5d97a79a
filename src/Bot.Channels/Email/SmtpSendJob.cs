namespace Bot.Channels.Email;

/// <summary>How one message fared on a session: no failure when the server took it.</summary>
internal readonly record struct SmtpSendResult(SmtpFailure? Failure, SmtpPhase Phase);

/// <summary>One message waiting for, or going through, a pooled SMTP session.</summary>
internal sealed class SmtpSendJob(ComposedMail mail, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<SmtpSendResult> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ComposedMail Mail => mail;

    /// <inheritdoc cref="ComposedMail.Envelope"/>
    public SmtpEnvelope? Envelope => mail.Envelope;

    public CancellationToken CancellationToken => cancellationToken;

    public Task<SmtpSendResult> Result => completion.Task;

    /// <summary>True, and the job is over, when its sender stopped waiting before a session took it up.</summary>
    public bool IsAbandoned => cancellationToken.IsCancellationRequested && completion.TrySetCanceled(cancellationToken);

    public void Succeed() => completion.TrySetResult(new SmtpSendResult(null, SmtpPhase.Send));

    /// <summary>An SMTP failure becomes the result; a cancellation or a bug is thrown to the sender as it is.</summary>
    public void Fail(Exception error, SmtpPhase phase)
    {
        if (SmtpFailureReader.Read(error, phase) is { } failure)
        {
            completion.TrySetResult(new SmtpSendResult(failure, phase));
        }
        else if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            completion.TrySetCanceled(cancellationToken);
        }
        else
        {
            completion.TrySetException(error);
        }
    }
}
