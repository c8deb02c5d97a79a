using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Bot.Channels.Email;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Email load harness: N personalised Arabic announcements through EmailChannelSender into Postfix's
// smtp-sink, then smtp-source pushing the same count and size over the same number of connections into the
// same sink. Both rates come from one run on one machine, so the ratio means something on a noisy box.
// The bot's side runs as the engine does: Delivery:Parallelism sends in flight (default 16) over the pool's connections.
// Usage: dotnet run -c Release --project bench/Bot.EmailLoad -- [messages=20000] [connections=4] [in-flight=16]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var connections = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
var inFlight = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
var port = FreePort();

using var sink = Start("smtp-sink", $"-u nobody -m 512 127.0.0.1:{port} 1024");
await WaitForPortAsync(port);

try
{
    var clock = TimeProvider.System;
    var links = new SubscriptionLinks("https://news.example.org", new SubscriptionTokenSigner(SubscriptionTokenKey.Generate(), clock));
    var options = new EmailOptions
    {
        From = "وكالة قدس برس <news@qudspress.example>",
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, PoolSize = connections },
    };
    var body = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "quds-press-2023-12.txt"));
    var title = body.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
    var html = $"<!DOCTYPE html><html dir=\"rtl\" lang=\"ar\"><body dir=\"rtl\"><div dir=\"rtl\" style=\"direction:rtl;text-align:right\"><h1>{WebUtility.HtmlEncode(title)}</h1>"
        + string.Concat(body.Split("\n\n").Skip(1).Select(p => $"<p>{WebUtility.HtmlEncode(p.Trim())}</p>")) + "</div></body></html>";

    EmailMessage Message(int i)
    {
        var to = $"reader{i}@example.org";
        var unsubscribe = links.UnsubscribeUrl("news", to);
        return new EmailMessage(to, $"قارئ {i}", title, html.Replace("</div>", $"<p><a href=\"{unsubscribe}\">إلغاء الاشتراك</a></p></div>"),
            $"{body}\n\nإلغاء الاشتراك: {unsubscribe}\n", "ar", TextDirection.Rtl, unsubscribe);
    }

    var size = MeasureSize(Message(0), options);

    // A running bot has compiled its hot paths long before a big fan-out. Without a warm-up, tiered compilation
    // took about a fifth of the measured CPU and ran for ten seconds into the run on a loaded 2-core machine (perf);
    // smtp-source is native code. So: batches until a batch leaves the JIT (almost) nothing new to compile.
    var warmUp = 0;
    await using (var warm = new EmailChannelSender(Options.Create(options), clock, NullLogger<EmailChannelSender>.Instance))
    {
        for (var batch = 0; batch < 40; batch++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await Parallel.ForEachAsync(Enumerable.Range(warmUp, 500), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, token) =>
                await warm.SendAsync(new DeliveryTarget(ChannelNames.Email, "warm-up", $"w{i}@example.org"), Message(-1 - i), [], token));
            warmUp += 500;
            if (batch >= 3 && System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < 3)
            {
                break;
            }
        }
    }

    GC.Collect();
    var before = Process.GetCurrentProcess().WorkingSet64;
    var failed = 0;
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var kernelBefore = Process.GetCurrentProcess().PrivilegedProcessorTime;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    await using (var sender = new EmailChannelSender(Options.Create(options), clock, NullLogger<EmailChannelSender>.Instance))
    {
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, token) =>
        {
            var outcome = await sender.SendAsync(new DeliveryTarget(ChannelNames.Email, "news", $"reader{i}@example.org"), Message(i), [], token);
            if (outcome is not SendOutcome.Sent)
            {
                Interlocked.Increment(ref failed);
            }
        });
    }

    var ours = watch.Elapsed;
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var gcInfo = GC.GetGCMemoryInfo();
    var retained = GC.GetTotalMemory(forceFullCollection: true);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var kernel = Process.GetCurrentProcess().PrivilegedProcessorTime - kernelBefore;
    var peak = Process.GetCurrentProcess().PeakWorkingSet64;

    var source = Start("/usr/bin/time", $"-f \"%M %U %S\" smtp-source -s {connections} -m {count} -l {size} -d -f news@qudspress.example -t reader@example.org 127.0.0.1:{port}");
    watch.Restart();
    var sourceErr = await source.StandardError.ReadToEndAsync();
    await source.WaitForExitAsync();
    var theirs = watch.Elapsed;
    // /usr/bin/time's last line: peak RSS in KiB, user and system CPU seconds.
    var sourceUsage = (sourceErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "0 0 0").Trim().Split(' ');
    var sourceCpuMs = (double.Parse(sourceUsage[1], CultureInfo.InvariantCulture) + double.Parse(sourceUsage[2], CultureInfo.InvariantCulture)) * 1000;

    Console.WriteLine($"messages: {count} (after {warmUp} to warm up), connections: {connections}, sends in flight: {inFlight}, message size: {size} bytes");
    Console.WriteLine($"EmailChannelSender: {ours.TotalSeconds:F2} s, {count / ours.TotalSeconds:F0} msg/s, failed {failed}, peak working set {peak / 1048576.0:F0} MiB (before run {before / 1048576.0:F0} MiB), CPU {cpu.TotalMilliseconds / count:F3} ms/msg ({kernel.TotalMilliseconds / count:F3} in the kernel)");
    Console.WriteLine($"  managed heap: {gcInfo.HeapSizeBytes / 1048576.0:F0} MiB at the last GC, {retained / 1048576.0:F1} MiB live after the run, {GC.CollectionCount(0)} gen0 / {GC.CollectionCount(2)} gen2 collections, {allocated / count / 1024.0:F1} KiB allocated per message (harness included)");
    Console.WriteLine($"smtp-source:        {theirs.TotalSeconds:F2} s, {count / theirs.TotalSeconds:F0} msg/s, exit {source.ExitCode}, peak RSS {sourceUsage[0]} KiB, CPU {sourceCpuMs / count:F3} ms/msg ({double.Parse(sourceUsage[2], CultureInfo.InvariantCulture) * 1000 / count:F3} in the kernel)");
    Console.WriteLine($"ratio (ours / smtp-source rate): {theirs.TotalSeconds / ours.TotalSeconds:F2}");
    return failed == 0 && source.ExitCode == 0 ? 0 : 1;
}
finally
{
    sink.Kill();
}

static int MeasureSize(EmailMessage message, EmailOptions options) =>
    System.Text.Encoding.UTF8.GetByteCount(EmailMimeBuilder.Format(new EmailMimeBuilder(options.From!, TimeProvider.System).Build(message)));

static Process Start(string file, string arguments) => Process.Start(new ProcessStartInfo(file, arguments)
{
    RedirectStandardError = true,
    RedirectStandardOutput = true,
}) ?? throw new InvalidOperationException($"could not start {file}");

static int FreePort()
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}

static async Task WaitForPortAsync(int port)
{
    for (var i = 0; i < 100; i++)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return;
        }
        catch (SocketException)
        {
            await Task.Delay(50);
        }
    }

    throw new InvalidOperationException($"smtp-sink did not listen on {port}");
}
