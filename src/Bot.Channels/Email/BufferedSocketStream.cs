using System.Net.Sockets;

namespace Bot.Channels.Email;

/// <summary>
/// The byte stream of an SMTP session without TLS: writes collect until a flush (or a read) and go out in one send,
/// and a read or write that takes longer than the timeout fails with a <see cref="TimeoutException"/> (detected by a
/// watchdog that looks every quarter of the timeout, so after between one and one and a quarter timeouts).
/// </summary>
/// <remarks>
/// MailKit's own socket stream sends every 4 KiB it is handed (a 16 KB message took five sends) and arms a new
/// timer, two cancellation sources and a task per call. Even one timer armed per read and write cost several per
/// cent of the sender's CPU at thousands of messages a second, hence one watchdog per session that reads a clock.
/// MailKit flushes after each command group and after the message's final dot, which is where this stream sends. Anything unsent goes out before a read, so a reply is
/// never awaited for a request still sitting here.
/// </remarks>
internal sealed class BufferedSocketStream(Socket socket) : Stream
{
    private const int BufferSize = 64 * 1024;

    private readonly byte[] pending = new byte[BufferSize];
    private readonly Lock gate = new();
    private int pendingCount;
    private CancellationTokenSource deadline = new();
    private Timer? watchdog;
    private int watchdogPeriod;
    private long operationStarted;
    private int operationTimeout;
    private int readTimeout = Timeout.Infinite;
    private int writeTimeout = Timeout.Infinite;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override bool CanTimeout => true;

    public override int ReadTimeout
    {
        get => readTimeout;
        set => readTimeout = value;
    }

    public override int WriteTimeout
    {
        get => writeTimeout;
        set => writeTimeout = value;
    }

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var token = Arm(readTimeout, cancellationToken, out var registration);
        try
        {
            return await socket.ReceiveAsync(buffer, SocketFlags.None, token).ConfigureAwait(false);
        }
        catch (Exception exception) when (Translate(exception, readTimeout, cancellationToken) is { } translated)
        {
            throw translated;
        }
        finally
        {
            Disarm();
            await registration.DisposeAsync().ConfigureAwait(false);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length <= pending.Length - pendingCount)
        {
            buffer.Span.CopyTo(pending.AsSpan(pendingCount));
            pendingCount += buffer.Length;
            return ValueTask.CompletedTask;
        }

        return WriteThroughAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pendingCount > 0)
        {
            var count = pendingCount;
            pendingCount = 0;
            await SendAsync(pending.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        Flush();
        socket.ReceiveTimeout = Math.Max(0, readTimeout);
        return Synchronously(() => socket.Receive(buffer, offset, count, SocketFlags.None));
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (count > pending.Length - pendingCount)
        {
            Flush();
        }

        if (count > pending.Length)
        {
            socket.SendTimeout = Math.Max(0, writeTimeout);
            Synchronously(() => socket.Send(buffer, offset, count, SocketFlags.None));
            return;
        }

        buffer.AsSpan(offset, count).CopyTo(pending.AsSpan(pendingCount));
        pendingCount += count;
    }

    public override void Flush()
    {
        if (pendingCount > 0)
        {
            var count = pendingCount;
            pendingCount = 0;
            socket.SendTimeout = Math.Max(0, writeTimeout);
            Synchronously(() => socket.Send(pending, 0, count, SocketFlags.None));
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (gate)
            {
                watchdog?.Dispose();
                watchdog = null;
                socket.Dispose();
                deadline.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private async ValueTask WriteThroughAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        if (buffer.Length <= pending.Length)
        {
            buffer.Span.CopyTo(pending);
            pendingCount = buffer.Length;
            return;
        }

        await SendAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var token = Arm(writeTimeout, cancellationToken, out var registration);
        try
        {
            while (!bytes.IsEmpty)
            {
                bytes = bytes[await socket.SendAsync(bytes, SocketFlags.None, token).ConfigureAwait(false)..];
            }
        }
        catch (Exception exception) when (Translate(exception, writeTimeout, cancellationToken) is { } translated)
        {
            throw translated;
        }
        finally
        {
            Disarm();
            await registration.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One reusable cancellation source serves as the deadline of every operation (a session runs one at a time);
    /// the watchdog cancels it when the operation outlives its timeout, and the caller's token cancels it too.
    /// </summary>
    private CancellationToken Arm(int timeout, CancellationToken cancellationToken, out CancellationTokenRegistration registration)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CancellationToken token;
        lock (gate)
        {
            if (!deadline.TryReset())
            {
                deadline.Dispose();
                deadline = new CancellationTokenSource();
            }

            if (timeout > 0)
            {
                Watch(timeout);
                operationTimeout = timeout;
                operationStarted = Environment.TickCount64;
            }

            token = deadline.Token;
        }

        registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), deadline)
            : default;
        return token;
    }

    private void Disarm()
    {
        lock (gate)
        {
            operationStarted = 0;
        }
    }

    private void Watch(int timeout)
    {
        var period = Math.Max(timeout / 4, 1);
        if (watchdog is null)
        {
            watchdog = new Timer(static state => ((BufferedSocketStream)state!).CheckDeadline(), this, period, period);
            watchdogPeriod = period;
        }
        else if (period < watchdogPeriod)
        {
            watchdog.Change(period, period);
            watchdogPeriod = period;
        }
    }

    private void CheckDeadline()
    {
        lock (gate)
        {
            if (operationStarted != 0 && Environment.TickCount64 - operationStarted >= operationTimeout)
            {
                operationStarted = 0;
                deadline.Cancel();
            }
        }
    }

    /// <summary>What MailKit's own stream throws: the caller's cancellation, a timeout, or an I/O error.</summary>
    private static Exception? Translate(Exception exception, int timeout, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => new OperationCanceledException(cancellationToken),
        OperationCanceledException => new TimeoutException($"Operation timed out after {timeout} milliseconds", exception),
        SocketException socketError => new IOException(socketError.Message, socketError),
        _ => null,
    };

    private static T Synchronously<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (SocketException exception)
        {
            throw new IOException(exception.Message, exception);
        }
    }
}
