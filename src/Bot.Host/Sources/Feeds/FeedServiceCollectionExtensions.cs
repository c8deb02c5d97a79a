using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Sources.Feeds;

public static class FeedServiceCollectionExtensions
{
    /// <summary>
    /// The feed poller of <c>bot run</c> and its HttpClient: a fixed timeout, a User-Agent naming the bot, and no
    /// request logging, since a feed URL may carry an access key in its query.
    /// </summary>
    public static IServiceCollection AddFeedPolling(this IServiceCollection services)
    {
        services.AddHttpClient(FeedFetcher.HttpClientName, http =>
            {
                http.Timeout = FeedFetcher.Timeout;
                http.DefaultRequestHeaders.UserAgent.ParseAdd(FeedFetcher.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                ConnectTimeout = TimeSpan.FromSeconds(15),
            })
            .RemoveAllLoggers();
        services.AddSingleton<FeedFetcher>();
        services.AddSingleton<FeedStateStore>();
        services.AddSingleton<FeedPollCycle>();
        services.AddHostedService<FeedPollWorker>();
        return services;
    }
}
