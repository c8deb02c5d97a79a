using Bot.Core.Delivery;
using Bot.Host.Delivery;
using Bot.Storage;
using Bot.Storage.Deliveries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>What <c>GET /metrics</c> needs: the outbox counts and this host's own registry.</summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services)
    {
        services.AddBotDeliveryStore();
        services.TryAddSingleton<IDeliveryStatistics>(sp => new SqlDeliveryStatistics(sp.GetRequiredService<IDbConnectionFactory>()));
        services.TryAddSingleton<BotMetrics>();
        return services;
    }
}
