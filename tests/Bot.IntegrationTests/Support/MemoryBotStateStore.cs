using System.Collections.Concurrent;
using Bot.Core.Storage;

namespace Bot.IntegrationTests.Support;

/// <summary>An <see cref="IBotStateStore"/> in a dictionary, for tests that restart a component, not the database.</summary>
public sealed class MemoryBotStateStore : IBotStateStore
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_values.GetValueOrDefault(key));

    public Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        _values[key] = value;
        return Task.CompletedTask;
    }
}
