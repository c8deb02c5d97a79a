using System.Net;
using Bot.Host.Sources.Feeds;

namespace Bot.IntegrationTests.Fakes.Feeds;

/// <summary>A DNS that answers from a table, and counts the questions.</summary>
public sealed class ScriptedFeedHostResolver(IReadOnlyDictionary<string, IPAddress[]> answers) : IFeedHostResolver
{
    private int _questions;

    public int Questions => Volatile.Read(ref _questions);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _questions);
        return Task.FromResult(answers.TryGetValue(host, out var found) ? found : []);
    }
}
