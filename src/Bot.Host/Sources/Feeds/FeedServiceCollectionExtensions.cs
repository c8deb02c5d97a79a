using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Sources.Feeds;

public static class FeedServiceCollectionExtensions
{
    /// <summary>
    /// The feed poller of <c>bot run</c> and its two HttpClients, one that connects only to public addresses and
    /// one for feeds allowed on private ones, so that a pooled connection never crosses from one to the other.
    /// Both follow no redirect by themselves (the <see cref="FeedFetcher"/> does, counting them), use no proxy (the
    /// address checked must be the address connected to), leave the deadline to the fetcher, send a User-Agent naming
    /// the bot, and log no request, since a feed URL may carry an access key in its query.
    /// </summary>
    public static IServiceCollection AddFeedPolling(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFeedHostResolver, DnsFeedHostResolver>();
        AddClient(services, FeedFetcher.HttpClientName, allowPrivateNetwork: false);
        AddClient(services, FeedFetcher.PrivateNetworkHttpClientName, allowPrivateNetwork: true);
        services.AddSingleton<FeedFetcher>();
        services.AddSingleton<FeedStateStore>();
        services.AddSingleton<FeedPollCycle>();
        services.AddHostedService<FeedPollWorker>();
        return services;
    }

    private static void AddClient(IServiceCollection services, string name, bool allowPrivateNetwork) =>
        services.AddHttpClient(name, http =>
            {
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.UserAgent.ParseAdd(FeedFetcher.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.All,
                ConnectTimeout = TimeSpan.FromSeconds(15),
                ConnectCallback = new FeedConnector(sp.GetRequiredService<IFeedHostResolver>(), allowPrivateNetwork).ConnectAsync,
            })
            .RemoveAllLoggers();
}
