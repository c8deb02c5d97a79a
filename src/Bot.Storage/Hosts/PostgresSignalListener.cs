using Bot.Core.Hosts;
using Bot.Storage.Postgres;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bot.Storage.Hosts;

/// <summary>
/// LISTENs for every topic on a dedicated connection (<see cref="PostgresConnectionFactory.OpenDedicatedAsync"/>) and
/// hands each notification to the host. A notification sent while nobody listened is lost, so after each (re)connect,
/// once LISTEN is in place, the host is told to look at everything as if each topic had been signalled.
/// </summary>
public sealed partial class PostgresSignalListener(PostgresConnectionFactory factory, TimeProvider time, ILogger<PostgresSignalListener> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly PostgresChannelNames _channels = new(factory);

    /// <summary>Listens until <paramref name="stoppingToken"/>, reconnecting after failures; <paramref name="onSignal"/> gets each topic.</summary>
    public async Task RunAsync(Action<string> onSignal, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(onSignal);
        for (var failures = 0; !stoppingToken.IsCancellationRequested;)
        {
            try
            {
                await ListenAsync(onSignal, () => failures = 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures++;
                var delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, TimeSpan.FromMilliseconds(500).Ticks << Math.Min(failures - 1, 10)));
                LogListenFailed(e, failures, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListenAsync(Action<string> onSignal, Action connected, CancellationToken stoppingToken)
    {
        var topics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var topic in HostTopics.All) topics[await _channels.OfAsync(topic, stoppingToken)] = topic;

        await using var connection = await factory.OpenDedicatedAsync(stoppingToken);
        connection.Notification += (_, e) =>
        {
            if (topics.TryGetValue(e.Channel, out var topic)) onSignal(topic);
        };
        foreach (var channel in topics.Keys)
        {
            await using var listen = new NpgsqlCommand($"LISTEN \"{channel.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        connected();
        LogListening(topics.Count);
        foreach (var topic in topics.Values) onSignal(topic);
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for the other hosts' signals ({Count} topics)")]
    private partial void LogListening(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for the other hosts' signals failed ({Failures} in a row); polling only until it reconnects in {Delay}")]
    private partial void LogListenFailed(Exception exception, int failures, TimeSpan delay);
}
