using Xunit.Abstractions;

namespace Bot.Benchmarks.Cluster;

/// <summary>Where the cluster's hosts leave the end of their logs when they are stopped: a file, named at the end of the run.</summary>
internal sealed class ClusterLog : ITestOutputHelper, IDisposable
{
    private readonly StreamWriter _writer;

    public ClusterLog()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bot-cluster-bench-{DateTime.UtcNow:yyyyMMddTHHmmss}.log");
        _writer = new StreamWriter(Path) { AutoFlush = true };
    }

    public string Path { get; }

    public void WriteLine(string message)
    {
        lock (_writer) _writer.WriteLine(message);
    }

    public void WriteLine(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public void Dispose() => _writer.Dispose();
}
