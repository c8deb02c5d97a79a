using Bot.Core.Admin.Commands;
using Bot.Host.Http.Admin.Pages;
using Bot.Storage.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Http.Admin;

public static partial class AdminHttpServiceCollectionExtensions
{
    public const string RateLimitPolicy = "admin";

    /// <summary>Requests without the key one client address may make in a burst, and how fast that allowance comes back.</summary>
    public const int FailuresPerClient = 10;

    public static readonly TimeSpan RefillPeriod = TimeSpan.FromMinutes(1);

    /// <summary>
    /// What <c>/admin</c> needs in <c>bot run</c>: the key from <c>Http:AdminKey</c> (the admin command set's grant for
    /// the HTTP surface when it is set), the operations, the pages with
    /// their sessions and audit log in the store, antiforgery for the pages' forms, and a per-client limit on requests that do not carry the key (the pipeline needs
    /// <c>UseRateLimiter()</c>). Expects <c>AddBotDelivery</c> and <c>AddBotMetrics</c>.
    /// </summary>
    public static IServiceCollection AddAdminHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(AdminKey.From(configuration));
        services.AddSingleton(sp => new AdminGrant(
            AdminCaller.Http.Surface, sp.GetRequiredService<AdminKey>().IsConfigured ? [AdminCaller.Http.Id] : []));
        services.TryAddSingleton<AdminRedactor>();
        services.TryAddSingleton<AdminApiReplyFormatter>();
        services.TryAddSingleton<AdminOperations>();
        services.AddAdminStorage();
        services.TryAddSingleton<AdminSessions>();
        services.TryAddSingleton<DashboardReader>();
        services.TryAddSingleton<PageAudit>();
        services.TryAddSingleton<AdminStaticFiles>();
        services.TryAddSingleton(MessageLinks.From(configuration));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "bot_admin_form";
            o.Cookie.Path = "/admin";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "form_token";
            o.HeaderName = null;
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicy, context =>
            {
                var key = context.RequestServices.GetRequiredService<AdminKey>();
                var sessions = context.RequestServices.GetRequiredService<AdminSessions>();
                // Only attempts without the key count, so a guesser cannot lock the real admin out.
                return KeyGuessLimit.For(context, AdminAccess.IsAuthenticated(context, key, sessions), RateLimitPolicy, FailuresPerClient, RefillPeriod);
            });
        });
        return services;
    }

    /// <summary>The API under <c>/admin/api/</c> and the pages under <c>/admin</c>.</summary>
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var key = endpoints.ServiceProvider.GetRequiredService<AdminKey>();
        if (!key.IsConfigured)
        {
            LogAdminOff(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Bot.Host.Http.Admin"));
        }

        var admin = endpoints.MapGroup("/admin");
        admin.MapGroup("").RequireRateLimiting(RateLimitPolicy).MapAdminApi();
        admin.MapAdminPages();
        return endpoints;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The admin API and pages under /admin are off: Http:AdminKey is not set")]
    private static partial void LogAdminOff(ILogger logger);
}
