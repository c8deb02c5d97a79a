using Bot.Host.Checks;
using Bot.Host.Composition;
using Bot.Host.Hosting.DataProtection;
using Bot.Host.Http;
using Bot.Host.Http.Admin;
using Bot.Host.Http.Articles;
using Bot.Host.Metrics;
using Bot.Host.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Host.Hosting;

/// <summary>The process of <c>bot run</c>: Kestrel on <c>Http:Urls</c> (and <c>Http:MetricsUrls</c>) and the workers, in one host.</summary>
public static class BotWebHost
{
    /// <summary>How long a stop waits for in-flight work; the command line waits a little longer still.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Builds the host; <paramref name="configure"/> adds to its services last (tests swap parts here).</summary>
    public static WebApplication Build(IConfiguration configuration, Action<IServiceCollection>? configure = null)
    {
        // The empty builder adds no configuration source of its own: the bot's stack is the only one.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            ApplicationName = "bot",
        });
        builder.Configuration.AddConfiguration(configuration);
        // Kestrel without its QUIC transport, which UseKestrel() adds and which no endpoint here uses (HTTP/1.1 and HTTP/2).
        builder.WebHost.UseKestrelCore().UseKestrelHttpsConfiguration().UseUrls(string.Join(';', [.. ConfigurationRules.HttpUrls(configuration), .. MetricsAccess.UrlsOf(configuration)]));
        builder.Services.AddRouting();
        builder.Services.AddTrustedForwardedHeaders(configuration);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddBotCore(configuration);
        builder.Services.AddBotRun(configuration);
        builder.Services.AddSubscriptionHttp(configuration);
        builder.Services.AddBotMetrics();
        builder.Services.AddMetricsEndpoint(configuration);
        builder.Services.AddAdminHttp(configuration);
        builder.Services.AddArticleApi(configuration);
        builder.Services.AddAdminCommands();
        builder.Services.AddBotDataProtection(configuration);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        // First: the rate limiters, the cookies' Secure flag and the logs see the client, not the proxy.
        app.UseTrustedForwardedHeaders();
        app.UseMetricsListener();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        app.MapSubscriptionEndpoints();
        app.MapAdminEndpoints();
        app.MapArticleApi();
        return app;
    }
}
