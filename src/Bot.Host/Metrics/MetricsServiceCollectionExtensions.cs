using Bot.Core.Delivery.Sending;
using Bot.Host.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// What <c>GET /metrics</c> needs: the outbox figures (with the outbox) read through a short cache, this host's own
    /// registry, and the delivery instruments the engine's <see cref="IDeliveryObserver"/> feeds.
    /// </summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddBotDeliveryStore();
        services.TryAddSingleton<StoreFiguresCache>();
        services.TryAddSingleton<DeliveryInstruments>();
        services.TryAddSingleton(new FirstSendLedger());
        services.TryAddSingleton<IDeliveryObserver, DeliveryMetricsObserver>();
        services.TryAddSingleton<BotMetrics>();
        return services;
    }
}
