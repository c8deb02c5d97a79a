using Bot.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bot.Host.Http;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (HealthProbe probe, CancellationToken cancellationToken) =>
            await probe.IsHealthyAsync(cancellationToken)
                ? Results.Text("ok")
                : Results.Text("unavailable", statusCode: StatusCodes.Status503ServiceUnavailable));
        return endpoints;
    }
}
