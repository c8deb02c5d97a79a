using System.Net;

namespace Bot.Host.Sources.Feeds;

/// <summary>The system resolver.</summary>
public sealed class DnsFeedHostResolver : IFeedHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
