using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;

namespace Bot.Host.Sources.Inbox.Linux;

/// <summary>
/// An inotify watch on one folder, read on a dedicated thread that waits in <c>poll(2)</c> and is stopped
/// through an eventfd. It exists because .NET's <c>FileSystemWatcher</c> does not report <c>IN_CLOSE_WRITE</c>,
/// the one signal that says a file written in place is complete. When the reader falls behind, the thread waits
/// and the kernel's own queue fills; the kernel then reports <see cref="InotifyEventKind.Overflow"/>.
/// </summary>
public sealed class InotifyWatch : IDisposable
{
    private const uint InCloseWrite = 0x8;
    private const uint InMovedTo = 0x80;
    private const uint InCreate = 0x100;
    private const uint InDeleteSelf = 0x400;
    private const uint InMoveSelf = 0x800;
    private const uint InUnmount = 0x2000;
    private const uint InQueueOverflow = 0x4000;
    private const uint InIgnored = 0x8000;
    private const uint InOnlyDirectory = 0x01000000;
    private const uint InExcludeUnlinked = 0x04000000;
    private const uint InIsDirectory = 0x40000000;
    private const uint InEnded = InIgnored | InDeleteSelf | InMoveSelf | InUnmount;
    private const int CloseOnExec = 0x80000;
    private const int NonBlocking = 0x800;
    private const int HeaderSize = 16;

    private readonly int _inotify;
    private readonly int _stop;
    private readonly Thread _thread;
    private readonly CancellationTokenSource _disposing = new();
    private readonly Channel<InotifyEvent> _events = Channel.CreateBounded<InotifyEvent>(
        new BoundedChannelOptions(4096) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private InotifyWatch(int inotify, int stop)
    {
        _inotify = inotify;
        _stop = stop;
        _thread = new Thread(Run) { IsBackground = true, Name = "inbox inotify" };
        _thread.Start();
    }

    /// <summary>The events, in the kernel's order; completed after <see cref="InotifyEventKind.Ended"/> or on dispose.</summary>
    public ChannelReader<InotifyEvent> Events => _events.Reader;

    /// <summary>Watches <paramref name="folder"/> for files created, closed after writing and moved in.</summary>
    /// <exception cref="PlatformNotSupportedException">Not Linux, or the C library has no inotify.</exception>
    /// <exception cref="IOException">The kernel refused, with the reason (a limit reached, the folder missing).</exception>
    public static InotifyWatch Start(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("inotify exists on Linux only");
        }

        int inotify;
        try
        {
            inotify = Libc.InotifyInit1(CloseOnExec | NonBlocking);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            throw new PlatformNotSupportedException($"inotify is not available: {e.Message}");
        }

        if (inotify < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException(errno == Libc.EMFILE
                ? "the limit of inotify instances is reached (sysctl fs.inotify.max_user_instances)"
                : $"inotify_init1: {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        var stop = Libc.EventFd(0, CloseOnExec | NonBlocking);
        var watch = stop < 0 ? -1 : Libc.InotifyAddWatch(inotify, folder, InCreate | InCloseWrite | InMovedTo | InDeleteSelf | InMoveSelf | InOnlyDirectory | InExcludeUnlinked);
        if (watch < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Libc.Close(inotify);
            if (stop >= 0)
            {
                Libc.Close(stop);
            }

            throw new IOException(errno == Libc.ENOSPC
                ? "the limit of inotify watches is reached (sysctl fs.inotify.max_user_watches)"
                : $"cannot watch {folder}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        return new InotifyWatch(inotify, stop);
    }

    /// <summary>
    /// Reads one buffer of raw <c>struct inotify_event</c> records. Public for its tests: the kernel packs several
    /// records per read, each name padded with NULs to an aligned length.
    /// </summary>
    public static IEnumerable<InotifyEvent> Parse(byte[] buffer, int length)
    {
        for (var offset = 0; offset + HeaderSize <= length;)
        {
            var mask = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset + 4));
            var nameLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset + 12));
            var nameBytes = buffer.AsSpan(offset + HeaderSize, Math.Min(nameLength, length - offset - HeaderSize));
            var end = nameBytes.IndexOf((byte)0);
            var name = Encoding.UTF8.GetString(end < 0 ? nameBytes : nameBytes[..end]);
            offset += HeaderSize + nameLength;

            if ((mask & InQueueOverflow) != 0)
            {
                yield return new InotifyEvent(InotifyEventKind.Overflow);
            }
            else if ((mask & InEnded) != 0)
            {
                yield return new InotifyEvent(InotifyEventKind.Ended);
            }
            else if ((mask & InIsDirectory) != 0 || name.Length == 0)
            {
            }
            else if ((mask & InMovedTo) != 0)
            {
                yield return new InotifyEvent(InotifyEventKind.MovedIn, name);
            }
            else if ((mask & InCloseWrite) != 0)
            {
                yield return new InotifyEvent(InotifyEventKind.ClosedAfterWrite, name);
            }
            else if ((mask & InCreate) != 0)
            {
                yield return new InotifyEvent(InotifyEventKind.Created, name);
            }
        }
    }

    public void Dispose()
    {
        if (_disposing.IsCancellationRequested)
        {
            return;
        }

        _disposing.Cancel();
        Span<byte> one = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(one, 1);
        Libc.Write(_stop, one, 8);
        _thread.Join();
        Libc.Close(_inotify);
        Libc.Close(_stop);
        _disposing.Dispose();
    }

    private void Run()
    {
        // Big enough for hundreds of events per read; the kernel never splits one event across reads.
        var buffer = new byte[64 * 1024];
        var fds = new Libc.PollFd[]
        {
            new() { Fd = _inotify, Events = Libc.PollIn },
            new() { Fd = _stop, Events = Libc.PollIn },
        };
        try
        {
            while (!_disposing.IsCancellationRequested)
            {
                if (Libc.Poll(fds, 2, -1) < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Libc.EINTR)
                    {
                        continue;
                    }

                    Publish(new InotifyEvent(InotifyEventKind.Ended));
                    return;
                }

                if (fds[1].Revents != 0)
                {
                    return;
                }

                var read = Libc.Read(_inotify, buffer, (nuint)buffer.Length);
                if (read < 0)
                {
                    if (Marshal.GetLastPInvokeError() is Libc.EAGAIN or Libc.EINTR)
                    {
                        continue;
                    }

                    Publish(new InotifyEvent(InotifyEventKind.Ended));
                    return;
                }

                foreach (var e in Parse(buffer, (int)read))
                {
                    Publish(e);
                    if (e.Kind == InotifyEventKind.Ended)
                    {
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    private void Publish(InotifyEvent e) =>
        _events.Writer.WriteAsync(e, _disposing.Token).AsTask().GetAwaiter().GetResult();
}
