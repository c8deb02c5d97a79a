using Bot.Host.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>What <c>GET /metrics</c> needs: the outbox counts (with the outbox) and this host's own registry.</summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services)
    {
        services.AddBotDeliveryStore();
        services.TryAddSingleton<BotMetrics>();
        return services;
    }
}
