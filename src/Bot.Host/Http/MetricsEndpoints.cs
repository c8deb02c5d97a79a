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
        endpoints.MapMetrics("/metrics", metrics.Registry);
        return endpoints;
    }
}
