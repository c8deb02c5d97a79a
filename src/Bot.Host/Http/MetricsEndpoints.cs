using Bot.Core.Hosts;
using Bot.Host.Hosting;
using Bot.Host.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Bot.Host.Http;

public static class MetricsEndpoints
{
    /// <summary><c>GET /metrics</c> in the Prometheus text format.</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        var metrics = endpoints.ServiceProvider.GetRequiredService<BotMetrics>();
        if (endpoints.ServiceProvider.GetService<LiveHosts>() is { } hosts && endpoints.ServiceProvider.GetService<StoreReadiness>() is { } readiness)
        {
            // Its gauges live in the registry, which keeps it.
            _ = new HostMetrics(metrics, hosts, readiness);
        }
        endpoints.MapMetrics("/metrics", metrics.Registry);
        return endpoints;
    }
}
