using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Bot.Host.Configuration;

namespace Bot.Benchmarks.Inbox;

/// <summary>
/// Inbox latency from the outside, as a newsroom sees it: the real <c>bot run</c> (the <c>bot.dll</c> built beside
/// this harness, or another build given with <c>--bot</c>, to compare before and after) on a fresh SQLite store
/// with dry channels; <c>--articles</c> article files (default 100), each renamed into the inbox
/// <c>--interval</c> milliseconds after the last (default 300), or with <c>--write</c> written in place (open,
/// write, close). Each one's latency runs from the rename (or the open) to its file appearing in
/// <c>processed/</c>, which the host does right after the store took it; a file system watcher on that folder
/// sees the moment. <c>--warmup</c> files (default 5) go first, unmeasured. <c>--Section:Key=value</c>
/// arguments are passed to the bot. Prints p50, p90, p99 and the maximum; a measurement, not a pass or fail.
/// </summary>
public static class InboxLatencyHarness
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var (command, overrides) = ConfigurationArguments.Split(args);
        var articles = BenchArguments.Option(command, "--articles", 100);
        var interval = TimeSpan.FromMilliseconds(BenchArguments.Option(command, "--interval", 300));
        var warmup = BenchArguments.Option(command, "--warmup", 5);
        var inPlace = command.Contains("--write");
        var bot = Path.GetFullPath(BenchArguments.OptionText(command, "--bot") ?? Path.Combine(AppContext.BaseDirectory, "bot.dll"));

        var work = Directory.CreateTempSubdirectory("bot-inbox-bench-");
        var inbox = Path.Combine(work.FullName, "data", "inbox");
        var staging = Directory.CreateDirectory(Path.Combine(work.FullName, "staging")).FullName;
        var port = FreePort();
        using var process = StartBot(bot, work.FullName, port, overrides);
        try
        {
            await WaitForHealthAsync(port, process);
            var processed = Path.Combine(inbox, "processed");
            await WaitAsync(() => Directory.Exists(processed), "the inbox's processed/ folder");
            var arrivals = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            using var watcher = new FileSystemWatcher(processed) { NotifyFilter = NotifyFilters.FileName };
            watcher.Created += (_, e) => arrivals.TryAdd(e.Name!, Stopwatch.GetTimestamp());
            watcher.Renamed += (_, e) => arrivals.TryAdd(e.Name!, Stopwatch.GetTimestamp());
            watcher.EnableRaisingEvents = true;

            var sent = new List<(string Name, long At)>();
            for (var i = 0; i < warmup + articles; i++)
            {
                var name = $"article-{i:D4}.md";
                var text = $"---\ntitle: Inbox latency {i}\nid: inbox-latency-{i}\n---\nArticle {i}, dropped into the inbox to time how soon it is taken in.\n";
                if (inPlace)
                {
                    var at = Stopwatch.GetTimestamp();
                    await File.WriteAllTextAsync(Path.Combine(inbox, name), text);
                    sent.Add((name, at));
                }
                else
                {
                    await File.WriteAllTextAsync(Path.Combine(staging, name), text);
                    var at = Stopwatch.GetTimestamp();
                    File.Move(Path.Combine(staging, name), Path.Combine(inbox, name));
                    sent.Add((name, at));
                }

                await Task.Delay(interval);
            }

            await WaitAsync(() => sent.All(s => arrivals.ContainsKey(s.Name)), $"all {sent.Count} files in processed/");
            var latencies = sent.Skip(warmup).Select(s => Stopwatch.GetElapsedTime(s.At, arrivals[s.Name]).TotalMilliseconds).Order().ToList();
            Console.WriteLine($"bot                       {bot}");
            Console.WriteLine($"articles                  {articles} ({(inPlace ? "written in place" : "renamed in")}, {interval.TotalMilliseconds:N0} ms apart, {warmup} unmeasured first)");
            Console.WriteLine($"inbox-to-processed p50    {BenchStatistics.Percentile(latencies, 0.50),8:N1} ms");
            Console.WriteLine($"inbox-to-processed p90    {BenchStatistics.Percentile(latencies, 0.90),8:N1} ms");
            Console.WriteLine($"inbox-to-processed p99    {BenchStatistics.Percentile(latencies, 0.99),8:N1} ms");
            Console.WriteLine($"inbox-to-processed max    {latencies[^1],8:N1} ms");
            Console.WriteLine($"load average              {BenchArguments.LoadAverage(),8}");
            return 0;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            work.Delete(recursive: true);
        }
    }

    private static Process StartBot(string bot, string workingDirectory, int port, string[] overrides)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { bot, "run", $"--Http:Urls=http://127.0.0.1:{port}", "--Sources:Seed=" }.Concat(overrides))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) Console.Error.WriteLine($"bot: {e.Data}");
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(int port, Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await WaitAsync(
            () =>
            {
                if (process.HasExited) throw new InvalidOperationException($"bot run exited with {process.ExitCode}");
                try
                {
                    return http.GetAsync($"http://127.0.0.1:{port}/healthz").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "/healthz");
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var until = Stopwatch.GetTimestamp() + (long)(Limit.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > until) throw new TimeoutException($"still waiting for {what} after {Limit.TotalSeconds:N0} s");
            await Task.Delay(20);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
