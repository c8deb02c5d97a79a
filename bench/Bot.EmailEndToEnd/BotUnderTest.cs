using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Bot.EmailEndToEnd;

/// <summary>
/// The real <c>bot</c> (the built bot.dll beside this harness) in a fresh working folder: its own SQLite store, N
/// subscribers imported with <c>bot subscribers import</c>, then <c>bot run</c> mailing through the given relay.
/// </summary>
internal sealed class BotUnderTest : IDisposable
{
    private readonly string folder;
    private readonly string botDll;
    private readonly int httpPort = Processes.FreePort();
    private Process? running;
    private long peakKiB;

    private BotUnderTest(string folder, string botDll) => (this.folder, this.botDll) = (folder, botDll);

    public string Inbox => Path.Combine(folder, "data", "inbox");

    /// <summary>How long <c>bot subscribers import</c> took, from the start of the process to its end.</summary>
    public TimeSpan ImportTime { get; private set; }

    /// <summary>The host's peak resident memory (VmHWM) in KiB, as last read.</summary>
    public long PeakKiB => Math.Max(peakKiB, ReadPeak());

    /// <param name="botDll">The build to run; null for the bot.dll beside this harness.</param>
    public static async Task<BotUnderTest> PrepareAsync(string folder, string? botDll, int subscribers, int relayPort, string security, string? trustedCertificate, int connections)
    {
        Directory.CreateDirectory(Path.Combine(folder, "config"));
        Directory.CreateDirectory(Path.Combine(folder, "data", "inbox"));
        var bot = new BotUnderTest(folder, botDll ?? Path.Combine(AppContext.BaseDirectory, "bot.dll"));
        var trust = trustedCertificate is null ? string.Empty : $", \"TrustedCertificate\": \"{trustedCertificate}\"";
        await File.WriteAllTextAsync(Path.Combine(folder, "config", "appsettings.json"), $$"""
            {
              "Store": { "Provider": "sqlite", "ConnectionString": "Data Source=data/bot.db" },
              "Sources": { "Inbox": "data/inbox", "Seed": "" },
              "Http": { "Urls": "http://127.0.0.1:{{bot.httpPort}}" },
              "Email": {
                "Smtp": { "Host": "127.0.0.1", "Port": {{relayPort}}, "Security": "{{security}}", "PoolSize": {{connections}}{{trust}} },
                "From": "وكالة قدس برس <news@qudspress.example>",
                "PublicBaseUrl": "https://news.example.org",
                "Destinations": [ { "Name": "news" } ]
              },
              "Logging": { "LogLevel": { "Default": "Warning" } }
            }
            """);

        var csv = new StringBuilder("email,name,list\n");
        for (var i = 1; i <= subscribers; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"reader{i}@example.org,قارئ {i},news\n");
        }

        var csvPath = Path.Combine(folder, "subscribers.csv");
        await File.WriteAllTextAsync(csvPath, csv.ToString());
        var clock = Stopwatch.StartNew();
        await Processes.RunAsync("dotnet", [bot.botDll, "subscribers", "import", csvPath], folder);
        bot.ImportTime = clock.Elapsed;
        return bot;
    }

    /// <summary>The raw MIME of the article's email as <c>bot preview</c> prints it: the size smtp-source sends.</summary>
    public async Task<int> MessageSizeAsync(string article) =>
        Encoding.UTF8.GetByteCount(await Processes.RunAsync("dotnet", [botDll, "preview", article, "--channel", "email"], folder));

    public async Task StartAsync()
    {
        running = Processes.Start("dotnet", [botDll, "run"], folder, new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1" });
        _ = running.StandardOutput.ReadToEndAsync();
        var errors = running.StandardError.ReadToEndAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 600; i++)
        {
            if (running.HasExited)
            {
                throw new InvalidOperationException($"bot run exited {running.ExitCode}: {await errors}");
            }

            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{httpPort}/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too slow to answer on a loaded machine.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("bot run did not answer /healthz within a minute");
    }

    /// <summary>Moves a finished file into the inbox in one rename, as a producer should; the clock starts there.</summary>
    public void Drop(string article, string name)
    {
        var staged = Path.Combine(folder, "data", name + ".tmp");
        File.Copy(article, staged, overwrite: true);
        File.Move(staged, Path.Combine(Inbox, name));
    }

    public string CpuSummary()
    {
        if (running is null || running.HasExited)
        {
            return string.Empty;
        }

        running.Refresh();
        peakKiB = Math.Max(peakKiB, ReadPeak());
        return $"(bot CPU {running.TotalProcessorTime.TotalSeconds:F1} s)";
    }

    public TimeSpan Cpu()
    {
        running!.Refresh();
        return running.TotalProcessorTime;
    }

    public void Dispose()
    {
        if (running is not null)
        {
            peakKiB = Math.Max(peakKiB, ReadPeak());
            Processes.Stop(running);
            running = null;
        }
    }

    private long ReadPeak()
    {
        try
        {
            if (running is null)
            {
                return 0;
            }

            var line = File.ReadLines($"/proc/{running.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return 0;
        }
    }
}
