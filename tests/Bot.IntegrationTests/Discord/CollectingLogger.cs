using Microsoft.Extensions.Logging;

namespace Bot.IntegrationTests.Discord;

/// <summary>Keeps every formatted log line (and its structured values) so tests can look for leaked secrets.</summary>
public sealed class CollectingLogger<T>(List<string> lines) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
        lock (lines)
        {
            lines.Add($"{logLevel}: {formatter(state, exception)} [{values}] {exception}");
        }
    }
}
