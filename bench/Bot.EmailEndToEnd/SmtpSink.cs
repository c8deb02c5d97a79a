using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Bot.EmailEndToEnd;

/// <summary>
/// Postfix's <c>smtp-sink</c> on loopback, which takes every message and throws it away. With <c>-c</c> it prints
/// <c>sess=… quit=… mesg=N</c> (carriage-return separated) each time a message ends; the last N is the count so far.
/// </summary>
internal sealed class SmtpSink : IDisposable
{
    private readonly Process process;
    private long messages;

    private SmtpSink(Process process, int port)
    {
        this.process = process;
        Port = port;
        _ = Task.Run(ReadCountsAsync);
    }

    public int Port { get; }

    public long Messages => Interlocked.Read(ref messages);

    public static async Task<SmtpSink> StartAsync()
    {
        var port = Processes.FreePort();
        // -u nobody: smtp-sink refuses to run as root otherwise; 1024: the listen backlog.
        var sink = new SmtpSink(Processes.Start("smtp-sink", ["-u", "nobody", "-c", $"127.0.0.1:{port}", "1024"]), port);
        await Processes.WaitForPortAsync(port, "smtp-sink");
        return sink;
    }

    /// <summary>
    /// Waits until the count reaches <paramref name="target"/>; the clock stops at the read that saw it. With
    /// <paramref name="tenths"/>, adds the clock's reading when the first message of the wait arrived, then when each
    /// further tenth of the wait's messages had.
    /// </summary>
    public async Task<TimeSpan> WaitForAsync(long target, Stopwatch clock, TimeSpan limit, Func<string>? progress = null, List<TimeSpan>? tenths = null)
    {
        var lastReport = TimeSpan.Zero;
        var start = Messages;
        while (Messages < target)
        {
            if (tenths is not null && Messages - start >= Math.Max(1, (target - start) * tenths.Count / 10))
            {
                tenths.Add(clock.Elapsed);
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"smtp-sink has {Messages} of {target} messages after {limit}");
            }

            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(10))
            {
                lastReport = clock.Elapsed;
                Console.Error.WriteLine($"  {clock.Elapsed.TotalSeconds:F0} s: {Messages} / {target} {progress?.Invoke()}");
            }

            await Task.Delay(2);
        }

        var elapsed = clock.Elapsed;
        while (tenths?.Count < 11)
        {
            tenths.Add(elapsed);
        }

        return elapsed;
    }

    public void Dispose() => Processes.Stop(process);

    private async Task ReadCountsAsync()
    {
        var reader = process.StandardOutput;
        var buffer = new char[4096];
        var pending = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            pending.Append(buffer, 0, read);
            var text = pending.ToString();
            var end = text.LastIndexOf('\r');
            if (end < 0)
            {
                continue;
            }

            var record = text[..end];
            var at = record.LastIndexOf("mesg=", StringComparison.Ordinal);
            if (at >= 0)
            {
                var digits = record.AsSpan(at + 5);
                var stop = digits.IndexOfAnyExceptInRange('0', '9');
                Interlocked.Exchange(ref messages, long.Parse(stop < 0 ? digits : digits[..stop], CultureInfo.InvariantCulture));
            }

            pending.Clear().Append(text.AsSpan(end + 1));
        }
    }
}
