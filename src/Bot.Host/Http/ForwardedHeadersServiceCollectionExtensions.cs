using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Http;

public static class ForwardedHeadersServiceCollectionExtensions
{
    /// <summary>
    /// Trusts <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> from <see cref="TrustedProxies"/> only, so that
    /// behind a proxy the rate limits count the real client and cookies are <c>Secure</c> when the client spoke https.
    /// The pipeline needs <c>UseForwardedHeaders()</c> before anything that reads the client's address or scheme.
    /// </summary>
    public static IServiceCollection AddTrustedForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var trusted = TrustedProxies.Read(configuration);
        services.AddSingleton(trusted);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The framework trusts loopback by default; here only what the operator named is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in trusted.Networks)
            {
                options.KnownIPNetworks.Add(network);
            }

            // Walk X-Forwarded-For from the right through every trusted hop (a CDN in front of nginx), stopping at
            // the first address that is not a trusted proxy: that one is the client.
            options.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>
    /// The forwarded-headers middleware, only when a proxy is configured: with no known proxy at all the framework's
    /// middleware believes the headers from anyone.
    /// </summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<TrustedProxies>().IsEmpty ? app : app.UseForwardedHeaders();
}
