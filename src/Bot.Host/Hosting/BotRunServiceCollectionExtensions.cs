using Bot.Host.Delivery;
using Bot.Host.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Hosting;

public static class BotRunServiceCollectionExtensions
{
    /// <summary>
    /// The workers of <c>bot run</c>, on top of <c>AddBotCore</c>. Workers that need the store wait for
    /// <see cref="StoreReadiness"/>; the ones that react to new articles subscribe to <see cref="IArticleFeed"/>.
    /// <paramref name="configuration"/> is for the workers' own option sections.
    /// </summary>
    public static IServiceCollection AddBotRun(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<StoreReadiness>();
        services.AddSingleton<HealthProbe>();
        services.AddHostedService<StoreStartupWorker>();
        services.AddHostedService<InboxWatcher>();
        services.AddBotDelivery(configuration);
        return services;
    }
}
