using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Bot.IntegrationTests.Support;

/// <summary>
/// The real <c>bot</c> executable (the built bot.dll next to this test assembly) in its own process,
/// with a working directory of the test's choosing and its output collected.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    /// <summary>Bounds a hung process; never a measure of speed.</summary>
    public static readonly TimeSpan ExitLimit = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotProcess(Process process) => _process = process;

    public static string BotDll => Path.Combine(AppContext.BaseDirectory, "bot.dll");

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static BotProcess Start(string workingDirectory, params string[] args) =>
        Start(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Starts <c>bot ARGS</c> with <paramref name="environment"/> added to a clean environment.</summary>
    public static BotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(BotDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The bot must see only what the test gives it, not the developer's environment.
        foreach (var key in start.Environment.Keys.Where(IsBotSetting).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, e) => bot.Collect(bot._output, bot._outputClosed, e.Data);
        process.ErrorDataReceived += (_, e) => bot.Collect(bot._error, bot._errorClosed, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Runs <c>bot ARGS</c> to the end.</summary>
    public static async Task<BotResult> RunAsync(string workingDirectory, params string[] args)
    {
        await using var bot = Start(workingDirectory, args);
        return await bot.WaitForExitAsync();
    }

    public static async Task<BotResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        await using var bot = Start(workingDirectory, environment, args);
        return await bot.WaitForExitAsync();
    }

    public async Task<BotResult> WaitForExitAsync()
    {
        using var limit = new CancellationTokenSource(ExitLimit);
        await _process.WaitForExitAsync(limit.Token);
        await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(limit.Token);
        return new BotResult(_process.ExitCode, Output, Error);
    }

    /// <summary>Waits until <c>bot run</c> answers <c>/healthz</c> with 200 on <paramref name="port"/>; fails at once if it exits.</summary>
    public async Task WaitUntilHealthyAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Eventually.HoldsAsync(
            async () =>
            {
                if (HasExited) throw new Xunit.Sdk.XunitException($"bot run exited early:\n{await WaitForExitAsync()}");
                try
                {
                    return (await http.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode == System.Net.HttpStatusCode.OK;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or too busy starting to answer within the client's timeout.
                    return false;
                }
            },
            "/healthz answers 200");
    }

    /// <summary>Asks the bot to stop the way a service manager does.</summary>
    public void Terminate()
    {
        if (!_process.HasExited && Kill(_process.Id, Sigterm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Ends the process with SIGKILL, as a crash or the kernel's OOM killer does: nothing of it runs on the way out.</summary>
    public void Crash()
    {
        if (!_process.HasExited) _process.Kill();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private static bool IsBotSetting(string key) =>
        key.Contains("__", StringComparison.Ordinal)
        || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Logging", StringComparison.OrdinalIgnoreCase);

    private void Collect(StringBuilder buffer, TaskCompletionSource closed, string? line)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
