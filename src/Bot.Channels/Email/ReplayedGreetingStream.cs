namespace Bot.Channels.Email;

/// <summary>A session stream whose first bytes read are a greeting already received, then the session itself.</summary>
internal sealed class ReplayedGreetingStream(byte[] greeting, Stream session) : Stream
{
    private int replayed;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override bool CanTimeout => session.CanTimeout;

    public override int ReadTimeout
    {
        get => session.ReadTimeout;
        set => session.ReadTimeout = value;
    }

    public override int WriteTimeout
    {
        get => session.WriteTimeout;
        set => session.WriteTimeout = value;
    }

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        replayed < greeting.Length ? ValueTask.FromResult(Replay(buffer.Span)) : session.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        replayed < greeting.Length ? Replay(buffer.AsSpan(offset, count)) : session.Read(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        session.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        session.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => session.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => session.FlushAsync(cancellationToken);

    public override void Flush() => session.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            session.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Replay(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, greeting.Length - replayed);
        greeting.AsSpan(replayed, count).CopyTo(buffer);
        replayed += count;
        return count;
    }
}
