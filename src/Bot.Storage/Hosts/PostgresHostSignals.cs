using Bot.Core.Hosts;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Bot.Storage.Hosts;

/// <summary>
/// <see cref="IHostSignals"/> through PostgreSQL's NOTIFY. Publishing never waits: topics are collected and sent in the
/// background, one round trip for whatever gathered meanwhile, so a planner creating deliveries page by page notifies
/// once per round trip rather than once per page. A failure is logged once; the hosts' polling covers the loss.
/// </summary>
public sealed partial class PostgresHostSignals(IDbConnectionFactory factory, ILogger<PostgresHostSignals> logger) : IHostSignals
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly PostgresChannelNames _channels = new(factory);
    private bool _sending;
    private bool _failing;

    public void Publish(string topic)
    {
        lock (_gate)
        {
            _pending.Add(topic);
            if (_sending) return;
            _sending = true;
        }

        _ = Task.Run(SendAsync);
    }

    private async Task SendAsync()
    {
        while (true)
        {
            string[] topics;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _sending = false;
                    return;
                }

                topics = [.. _pending];
                _pending.Clear();
            }

            try
            {
                var channels = new List<string>(topics.Length);
                foreach (var topic in topics) channels.Add(await _channels.OfAsync(topic, CancellationToken.None));
                await using var connection = await factory.OpenAsync(CancellationToken.None);
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT pg_notify(c, '') FROM unnest(@Channels) AS c", new { Channels = channels.ToArray() }));
                _failing = false;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (!_failing) LogPublishFailed(e, string.Join(", ", topics));
                _failing = true;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other hosts about {Topics}; they find the work at their next poll")]
    private partial void LogPublishFailed(Exception exception, string topics);
}
