using Bot.Core.Hosts;
using Bot.Host.Hosting;
using Bot.Host.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Bot.Host.Http;

/// <summary><c>GET /metrics</c> in the Prometheus text format, guarded as <see cref="MetricsAccess"/> says.</summary>
public static partial class MetricsEndpoints
{
    public const string RateLimitPolicy = "metrics";

    /// <summary>Requests without the right key one client address may make in a burst, and how fast that allowance comes back.</summary>
    public const int FailuresPerClient = 10;

    public static readonly TimeSpan RefillPeriod = TimeSpan.FromMinutes(1);

    /// <summary>The access rules from <c>Http:MetricsUrls</c> and <c>Http:MetricsKey</c>, and a per-client limit on wrong keys.</summary>
    public static IServiceCollection AddMetricsEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(MetricsAccess.From(configuration));
        services.AddRateLimiter(options => options.AddPolicy(RateLimitPolicy, context =>
            KeyGuessLimit.For(context, context.RequestServices.GetRequiredService<MetricsAccess>().Admits(context), RateLimitPolicy, FailuresPerClient, RefillPeriod)));
        return services;
    }

    /// <summary>On the metrics listen addresses only <c>/metrics</c> and <c>/healthz</c> answer; everything else is 404 there.</summary>
    public static IApplicationBuilder UseMetricsListener(this IApplicationBuilder app)
    {
        var access = app.ApplicationServices.GetRequiredService<MetricsAccess>();
        if (!access.HasOwnListener) return app;
        return app.Use((context, next) =>
            access.OnMetricsListener(context) && !context.Request.Path.Equals("/metrics") && !context.Request.Path.Equals("/healthz")
                ? NotFoundAsync(context)
                : next(context));
    }

    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var metrics = services.GetRequiredService<BotMetrics>();
        var access = services.GetRequiredService<MetricsAccess>();
        if (services.GetService<LiveHosts>() is { } hosts && services.GetService<StoreReadiness>() is { } readiness)
        {
            // Its gauges live in the registry, which keeps it.
            _ = new HostMetrics(metrics, hosts, readiness);
        }

        if (access.OpenBeyondLoopback(services.GetRequiredService<IConfiguration>()))
        {
            LogOpen(services.GetRequiredService<ILoggerFactory>().CreateLogger("Bot.Host.Http.Metrics"));
        }

        var pipeline = endpoints.CreateApplicationBuilder()
            .Use((context, next) => Guard(access, context, next))
            .UseMiddleware<MetricServerMiddleware>(new MetricServerMiddleware.Settings { Registry = metrics.Registry })
            .Build();
        endpoints.Map("/metrics", pipeline).WithDisplayName("Prometheus metrics").RequireRateLimiting(RateLimitPolicy);
        return endpoints;
    }

    private static Task Guard(MetricsAccess access, HttpContext context, RequestDelegate next)
    {
        if (access.HasOwnListener && !access.OnMetricsListener(context))
        {
            return NotFoundAsync(context);
        }

        if (!access.Admits(context))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return context.Response.WriteAsync($"missing or wrong metrics key: send Authorization: Bearer KEY ({MetricsAccess.KeyKey})\n");
        }

        return next(context);
    }

    private static Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "/metrics answers anyone who reaches a non-loopback listen address; set Http:MetricsKey or Http:MetricsUrls to restrict it")]
    private static partial void LogOpen(ILogger logger);
}
