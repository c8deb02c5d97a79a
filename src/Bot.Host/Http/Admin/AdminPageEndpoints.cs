using Bot.Core.Delivery;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bot.Host.Http.Admin;

/// <summary>
/// The browser side of <c>/admin</c>: a login form that sets a session cookie, the dashboard, and one small
/// form per action. Every POST carries an antiforgery token and answers with a redirect back to the dashboard.
/// </summary>
public static class AdminPageEndpoints
{
    public const int DeadShown = 50;
    public const int ArticlesShown = 20;

    public static RouteGroupBuilder MapAdminPages(this RouteGroupBuilder admin)
    {
        admin.MapGet("/login", (HttpContext context, AdminKey key, IAntiforgery antiforgery) =>
        {
            AdminPages.Protect(context);
            return key.IsConfigured
                ? AdminPages.Html(AdminPages.Login(Token(context, antiforgery), failed: false), StatusCodes.Status200OK)
                : AdminAccess.NotConfigured();
        });
        admin.MapPost("/login", LoginAsync).RequireRateLimiting(AdminHttpServiceCollectionExtensions.RateLimitPolicy);
        admin.MapPost("/logout", LogoutAsync);

        var pages = admin.MapGroup("").AddEndpointFilter<AdminSessionFilter>().RequireRateLimiting(AdminHttpServiceCollectionExtensions.RateLimitPolicy);
        pages.MapGet("", DashboardAsync);
        pages.MapPost("/destinations/{name}/pause", (HttpContext c, string name, AdminOperations ops, IAntiforgery af, CancellationToken ct) =>
            ActAsync(c, af, () => ops.SetPausedAsync(name, true, ct)));
        pages.MapPost("/destinations/{name}/resume", (HttpContext c, string name, AdminOperations ops, IAntiforgery af, CancellationToken ct) =>
            ActAsync(c, af, () => ops.SetPausedAsync(name, false, ct)));
        pages.MapPost("/deliveries/retry-dead", (HttpContext c, AdminOperations ops, IAntiforgery af, CancellationToken ct) =>
            ActAsync(c, af, () => ops.RetryAsync(null, ct)));
        pages.MapPost("/deliveries/{id:long}/retry", (HttpContext c, long id, AdminOperations ops, IAntiforgery af, CancellationToken ct) =>
            ActAsync(c, af, () => ops.RetryAsync(id, ct)));
        return admin;
    }

    private static async Task<IResult> DashboardAsync(HttpContext context, AdminOperations ops, IAntiforgery antiforgery, CancellationToken ct)
    {
        var status = await ops.StatusAsync(ct);
        var destinations = status.StoreUp ? await ops.DestinationsAsync(ct) : [];
        var dead = status.StoreUp ? await ops.DeliveriesAsync(new DeliveryQuery(DeliveryStatus.Dead, Limit: DeadShown), ct) : [];
        var articles = status.StoreUp ? await ops.RecentArticlesAsync(ArticlesShown, ct) : [];
        return AdminPages.Html(AdminPages.Dashboard(status, destinations, dead, articles, Token(context, antiforgery)), StatusCodes.Status200OK);
    }

    private static async Task<IResult> LoginAsync(HttpContext context, AdminKey key, IAntiforgery antiforgery)
    {
        AdminPages.Protect(context);
        if (!key.IsConfigured)
        {
            return AdminAccess.NotConfigured();
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return AdminPages.Html(AdminPages.FormExpired(), StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!key.Matches(form["key"]))
        {
            return AdminPages.Html(AdminPages.Login(Token(context, antiforgery), failed: true), StatusCodes.Status401Unauthorized);
        }

        context.Response.Cookies.Append(AdminAccess.SessionCookie, key.SessionValue, SessionCookieOptions(context));
        return SeeOther("/admin");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        AdminPages.Protect(context);
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return AdminPages.Html(AdminPages.FormExpired(), StatusCodes.Status400BadRequest);
        }

        context.Response.Cookies.Delete(AdminAccess.SessionCookie, SessionCookieOptions(context));
        return SeeOther("/admin/login");
    }

    private static async Task<IResult> ActAsync<T>(HttpContext context, IAntiforgery antiforgery, Func<Task<T>> action)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return AdminPages.Html(AdminPages.FormExpired(), StatusCodes.Status400BadRequest);
        }

        await action();
        return SeeOther("/admin");
    }

    /// <summary>303, so the browser follows with a GET and a reload never repeats the action.</summary>
    private static IResult SeeOther(string location) => new SeeOtherResult(location);

    private static AntiforgeryTokenSet Token(HttpContext context, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(context);

    private static CookieOptions SessionCookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/admin",
        IsEssential = true,
    };

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
