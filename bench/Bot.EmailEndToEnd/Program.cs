using System.Diagnostics;
using System.Globalization;
using Bot.EmailEndToEnd;

// End-to-end email benchmark: the real `bot run` with N subscribers imported into a fresh SQLite store announces the
// reference article into Postfix's smtp-sink (behind stunnel4 with --tls); the clock runs from the article's rename
// into the inbox to the sink's count of N messages. smtp-source sends the same count of the same size over the same
// number of sessions into the same sink, once before the bot starts and once after it stops, and the bot is compared
// with the mean of the two: both sides come from one run on one machine, and a load that rises or falls during the run
// weighs on both, so their ratio means something on a noisy box. With --later a second article is timed too, once the first is out (a warm process).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
EndToEndOptions options;
try
{
    options = EndToEndOptions.Parse(args);
}
catch (ArgumentException problem)
{
    Console.Error.WriteLine(problem.Message);
    return 2;
}

var folder = Directory.CreateTempSubdirectory("bot-email-e2e-").FullName;
var article = Path.Combine(AppContext.BaseDirectory, "samples", "quds-press-2023-12.txt");
var limit = TimeSpan.FromSeconds(Math.Max(600, options.Subscribers / 20.0));
try
{
    using var sink = await SmtpSink.StartAsync();
    var certificates = options.Tls ? TestRelayCertificates.Write(folder) : null;
    using var relay = certificates is null ? null : await StunnelRelay.StartAsync(folder, certificates, sink.Port);

    Console.Error.WriteLine($"importing {options.Subscribers} subscribers into {folder} …");
    using var bot = await BotUnderTest.PrepareAsync(
        folder, options.Bot, options.Subscribers, relay?.ServerPort ?? sink.Port, relay is null ? "None" : "SslOnConnect", certificates?.CaPath, options.Connections);
    var size = await bot.MessageSizeAsync(article);
    var sourceBefore = await SourceAsync(sink, size, relay?.ClientPort ?? sink.Port);
    await bot.StartAsync();
    var loadBefore = File.ReadAllText("/proc/loadavg").Trim();

    var runs = new List<(string Name, TimeSpan Time, TimeSpan Cpu, List<TimeSpan> Tenths)>();
    foreach (var name in options.Later ? new[] { "first", "later" } : ["first"])
    {
        var baseline = sink.Messages;
        var cpu = bot.Cpu();
        var text = await File.ReadAllTextAsync(article);
        var copy = Path.Combine(folder, $"{name}.txt");
        // A different title makes the second file a new article rather than an edit of the first.
        await File.WriteAllTextAsync(copy, name == "first" ? text : text.Insert(text.IndexOf('\n'), " — 2"));
        Console.Error.WriteLine($"{name} article: dropped, waiting for {options.Subscribers} messages …");
        var clock = Stopwatch.StartNew();
        bot.Drop(copy, $"{name}.txt");
        var tenths = new List<TimeSpan>();
        var time = await sink.WaitForAsync(baseline + options.Subscribers, clock, limit, bot.CpuSummary, tenths);
        runs.Add((name, time, bot.Cpu() - cpu, tenths));
    }

    var peakKiB = bot.PeakKiB;
    bot.Dispose();

    var sourceAfter = await SourceAsync(sink, size, relay?.ClientPort ?? sink.Port);
    var loadAfter = File.ReadAllText("/proc/loadavg").Trim();
    var sourceRate = (Rate(sourceBefore) + Rate(sourceAfter)) / 2;

    Console.WriteLine($"mode: {(options.Tls ? "TLS (stunnel4 in front of smtp-sink; bot SslOnConnect trusting the test CA)" : "plain SMTP")}, "
        + $"subscribers: {options.Subscribers}, connections: {options.Connections}, message size: {size} bytes");
    foreach (var (name, time, cpu, tenths) in runs)
    {
        var rate = options.Subscribers / time.TotalSeconds;
        Console.WriteLine($"bot run, {name} article: {time.TotalSeconds:F2} s from the rename to the last message, {rate:F0} msg/s, "
            + $"bot CPU {cpu.TotalMilliseconds / options.Subscribers:F3} ms/msg; ratio {rate / sourceRate:F2}");
        Console.WriteLine($"  first message after {tenths[0].TotalSeconds:F2} s; each further tenth took "
            + string.Join(' ', tenths.Zip(tenths.Skip(1), (before, after) => (after - before).TotalSeconds.ToString("F2", CultureInfo.InvariantCulture))) + " s");
    }

    Console.WriteLine($"bot subscribers import: {bot.ImportTime.TotalSeconds:F1} s for {options.Subscribers} subscribers");
    Console.WriteLine($"smtp-source -d:  before the bot {sourceBefore.TotalSeconds:F2} s, {Rate(sourceBefore):F0} msg/s; "
        + $"after it {sourceAfter.TotalSeconds:F2} s, {Rate(sourceAfter):F0} msg/s; mean {sourceRate:F0} msg/s (the ratios' reference)");
    Console.WriteLine($"bot peak memory (VmHWM): {peakKiB / 1024.0:F1} MiB ({peakKiB * 1024 / 1e6:F1} MB)");
    Console.WriteLine($"load average: before {loadBefore}; after {loadAfter}; {Environment.ProcessorCount} cores");
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

double Rate(TimeSpan time) => options.Subscribers / time.TotalSeconds;

async Task<TimeSpan> SourceAsync(SmtpSink sink, int size, int port)
{
    var baseline = sink.Messages;
    var clock = Stopwatch.StartNew();
    await Processes.RunAsync("smtp-source",
    [
        "-s", options.Connections.ToString(CultureInfo.InvariantCulture), "-m", options.Subscribers.ToString(CultureInfo.InvariantCulture),
        "-l", size.ToString(CultureInfo.InvariantCulture), "-d", "-f", "news@qudspress.example", "-t", "reader@example.org",
        $"127.0.0.1:{port}",
    ]);
    return await sink.WaitForAsync(baseline + options.Subscribers, clock, limit);
}
