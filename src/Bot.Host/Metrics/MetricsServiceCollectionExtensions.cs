using Bot.Core.Delivery;
using Bot.Core.Delivery.Sending;
using Bot.Host.Delivery;
using Bot.Storage;
using Bot.Storage.Deliveries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// What <c>GET /metrics</c> needs: the outbox figures read through a short cache, this host's own registry, and the
    /// delivery instruments the engine's <see cref="IDeliveryObserver"/> feeds.
    /// </summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddBotDeliveryStore();
        services.TryAddSingleton<IDeliveryStatistics>(sp => new SqlDeliveryStatistics(sp.GetRequiredService<IDbConnectionFactory>()));
        services.TryAddSingleton<StoreFiguresCache>();
        services.TryAddSingleton<DeliveryInstruments>();
        services.TryAddSingleton(new FirstSendLedger());
        services.TryAddSingleton<IDeliveryObserver, DeliveryMetricsObserver>();
        services.TryAddSingleton<BotMetrics>();
        return services;
    }
}
