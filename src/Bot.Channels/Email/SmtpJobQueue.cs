namespace Bot.Channels.Email;

/// <summary>
/// The messages waiting for a pooled session. A message goes straight to the worker that went idle last, whose
/// session is the one most likely still open, so a trickle of mail keeps one session busy instead of waking every
/// pooled one; when every worker is busy, messages queue and the workers take them in order.
/// </summary>
internal sealed class SmtpJobQueue
{
    private readonly Lock gate = new();
    private readonly Queue<SmtpSendJob> queued = new();
    private readonly Stack<TaskCompletionSource<SmtpSendJob?>> idle = new();
    private bool completed;

    /// <summary>False once the queue is completed.</summary>
    public bool TryAdd(SmtpSendJob job)
    {
        TaskCompletionSource<SmtpSendJob?>? worker;
        lock (gate)
        {
            if (completed)
            {
                return false;
            }

            if (!idle.TryPop(out worker))
            {
                queued.Enqueue(job);
                return true;
            }
        }

        worker.SetResult(job);
        return true;
    }

    /// <summary>The next queued message, without waiting.</summary>
    public bool TryTake(out SmtpSendJob job)
    {
        lock (gate)
        {
            return queued.TryDequeue(out job!);
        }
    }

    /// <summary>The next message, waiting for one; null once the queue is completed and empty.</summary>
    public Task<SmtpSendJob?> TakeAsync()
    {
        lock (gate)
        {
            if (queued.TryDequeue(out var job))
            {
                return Task.FromResult<SmtpSendJob?>(job);
            }

            if (completed)
            {
                return Task.FromResult<SmtpSendJob?>(null);
            }

            var worker = new TaskCompletionSource<SmtpSendJob?>(TaskCreationOptions.RunContinuationsAsynchronously);
            idle.Push(worker);
            return worker.Task;
        }
    }

    /// <summary>Takes no more messages; idle workers are told to stop, busy ones finish what is queued.</summary>
    public void Complete()
    {
        TaskCompletionSource<SmtpSendJob?>[] waiting;
        lock (gate)
        {
            completed = true;
            waiting = idle.ToArray();
            idle.Clear();
        }

        foreach (var worker in waiting)
        {
            worker.SetResult(null);
        }
    }
}
