using System.Net;

namespace Bot.Host.Sources.Feeds;

/// <summary>Name resolution for feed connections: the system's DNS, or a scripted answer in tests.</summary>
public interface IFeedHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
