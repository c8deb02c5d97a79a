using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bot.Benchmarks.Hosting;

/// <summary>
/// The real <c>bot run</c> in its own process, for the harnesses that measure from the outside: the <c>bot.dll</c>
/// built beside the harness unless another build is given, a working directory of the harness's choosing, HTTP on a
/// free loopback port, no seed import. Its standard error goes to this process's with a <c>bot:</c> prefix; its log
/// (standard output) is dropped, or kept in a file for a look at where the time went. Disposing kills it.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter? _log;

    private BotUnderTest(Process process, int port, StreamWriter? log)
    {
        _process = process;
        Port = port;
        _log = log;
    }

    public int Port { get; }

    public Uri Root => new($"http://127.0.0.1:{Port}");

    /// <summary>The build at <paramref name="botDll"/>, or the one beside this harness when null.</summary>
    public static string Resolve(string? botDll) => Path.GetFullPath(botDll ?? Path.Combine(AppContext.BaseDirectory, "bot.dll"));

    /// <summary>
    /// Starts <c>bot run</c> with <paramref name="args"/> and <paramref name="environment"/>, its log appended to
    /// <paramref name="logFile"/> when given, and waits until <c>/healthz</c> answers 200.
    /// </summary>
    public static async Task<BotUnderTest> StartAsync(
        string botDll, string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? logFile = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { botDll, "run", $"--Http:Urls=http://127.0.0.1:{port}", "--Sources:Seed=" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var log = logFile is null ? null : new StreamWriter(logFile, append: true);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null || log is null) return;
            lock (log) log.WriteLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) Console.Error.WriteLine($"bot: {e.Data}");
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bot = new BotUnderTest(process, port, log);
        try
        {
            await bot.WaitForHealthAsync();
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (_log is not null)
        {
            lock (_log) _log.Dispose();
        }
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await BenchWait.UntilAsync(
            () =>
            {
                if (_process.HasExited) throw new InvalidOperationException($"bot run exited with {_process.ExitCode}");
                try
                {
                    return http.GetAsync(new Uri(Root, "/healthz")).GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "/healthz");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
