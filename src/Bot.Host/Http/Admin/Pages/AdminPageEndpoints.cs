using System.Text.Json;
using Bot.Core.Admin;
using Bot.Core.Articles;
using Bot.Core.Audit;
using Bot.Core.Channels;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Hosts;
using Bot.Core.Subscriptions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>
/// The browser side of <c>/admin</c>: sign-in, the pages, their live JSON, and one small form per action. Every POST
/// carries an antiforgery token, is written to the audit log with the client's address, and answers 303 back to the
/// page it came from, so a reload never repeats it.
/// </summary>
public static class AdminPageEndpoints
{
    private static readonly JsonSerializerOptions LiveJson = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapAdminPages(this RouteGroupBuilder admin)
    {
        admin.MapGet("/static/{name}", (HttpContext c, string name, AdminStaticFiles files) => files.Serve(c, name));
        admin.MapGet("/login", (HttpContext context, AdminKey key, IAntiforgery antiforgery) =>
        {
            AdminLayout.Protect(context);
            return key.IsConfigured ? AdminLayout.Html(NoticePages.Login(antiforgery.GetAndStoreTokens(context), failed: false)) : AdminAccess.NotConfigured();
        });
        admin.MapPost("/login", LoginAsync).RequireRateLimiting(AdminHttpServiceCollectionExtensions.RateLimitPolicy);
        admin.MapPost("/logout", LogoutAsync);

        var pages = admin.MapGroup("").AddFilter<AdminSessionFilter>().RequireRateLimiting(AdminHttpServiceCollectionExtensions.RateLimitPolicy);
        pages.MapGet("", async (HttpContext c, DashboardReader reader, AdminRedactor redactor, IAntiforgery af, CancellationToken ct) =>
        {
            var model = await reader.OverviewAsync(ct);
            var token = af.GetAndStoreTokens(c);
            return AdminLayout.Html(AdminLayout.Page("Overview", "/admin", OverviewPage.Render(model, redactor, token), token, new LiveRegion("/admin/live", model.Live().Shape)));
        });
        pages.MapGet("/live", async (DashboardReader reader, CancellationToken ct) => Live((await reader.OverviewAsync(ct)).Live()));
        pages.MapGet("/articles", async (HttpContext c, DashboardReader reader, IAntiforgery af, CancellationToken ct) =>
        {
            var model = await reader.ArticleListAsync(ct);
            return AdminLayout.Html(AdminLayout.Page("Articles", "/admin/articles", ArticleListPage.Render(model), af.GetAndStoreTokens(c),
                new LiveRegion("/admin/articles/live", model.Live().Shape)));
        });
        pages.MapGet("/articles/live", async (DashboardReader reader, CancellationToken ct) => Live((await reader.ArticleListAsync(ct)).Live()));
        pages.MapGet("/article", ArticleAsync);
        pages.MapGet("/article/live", async (HttpContext c, DashboardReader reader, AdminRedactor redactor, CancellationToken ct) =>
            await reader.ArticleAsync(c.Request.Query["key"].ToString(), ct) is { } model ? Live(model.Live(redactor)) : Results.NotFound());
        pages.MapGet("/article/email", EmailAsync);
        pages.MapGet("/article/retract", async (HttpContext c, DashboardReader reader, IAntiforgery af, CancellationToken ct) =>
        {
            var token = af.GetAndStoreTokens(c);
            var article = await reader.LatestAsync(c.Request.Query["key"].ToString(), ct);
            return article is null
                ? AdminLayout.Html(NoticePages.NotFound("No such article.", token), StatusCodes.Status404NotFound)
                : AdminLayout.Html(AdminLayout.Page("Retract", "/admin/articles", RetractPage.Render(article, token), token));
        });
        pages.MapPost("/article/retract", RetractAsync);
        pages.MapPost("/destinations/{name}/pause", (HttpContext c, string name, AdminActions actions, IAntiforgery af, PageAudit audit, CancellationToken ct) =>
            ActAsync(c, af, async () => await audit.WriteAsync(c, "pause " + name, await actions.PauseAsync(name, ct) ? "paused" : "unknown destination", ct)));
        pages.MapPost("/destinations/{name}/resume", (HttpContext c, string name, AdminActions actions, IAntiforgery af, PageAudit audit, CancellationToken ct) =>
            ActAsync(c, af, async () => await audit.WriteAsync(c, "resume " + name, await actions.ResumeAsync(name, ct) ? "resumed" : "unknown destination", ct)));
        pages.MapPost("/deliveries/retry-dead", (HttpContext c, AdminActions actions, IAntiforgery af, PageAudit audit, CancellationToken ct) =>
            ActAsync(c, af, async () => await audit.WriteAsync(c, "retry --dead", $"requeued {await actions.RequeueDeadAsync(null, ct)}", ct)));
        pages.MapPost("/deliveries/{id:long}/retry", (HttpContext c, long id, AdminActions actions, IAntiforgery af, PageAudit audit, CancellationToken ct) =>
            ActAsync(c, af, async () => await audit.WriteAsync(c, $"retry {id}", $"requeued {await actions.RequeueDeadAsync(id, ct)}", ct)));
        pages.MapGet("/subscribers", SubscribersAsync);
        pages.MapGet("/subscribers.csv", (HttpContext c, ISubscriberStore store) =>
        {
            c.Response.Headers.ContentDisposition = "attachment; filename=\"subscribers.csv\"";
            var search = SubscriberSearch.From(c.Request.Query);
            return Results.Stream(output => SubscriberCsvWriter.WriteAsync(output, search.RunAsync(store, c.RequestAborted), c.RequestAborted), "text/csv; charset=utf-8");
        });
        pages.MapGet("/hosts", async (HttpContext c, LiveHosts hosts, IAntiforgery af, CancellationToken ct) =>
            AdminLayout.Html(AdminLayout.Page("Hosts", "/admin/hosts", HostsPage.Render(await hosts.ListAsync(ct)), af.GetAndStoreTokens(c))));
        pages.MapGet("/audit", async (HttpContext c, IAuditLog log, AdminRedactor redactor, IAntiforgery af, CancellationToken ct) =>
        {
            long? before = long.TryParse(c.Request.Query["before"], out var b) ? b : null;
            var entries = await log.ListAsync(AuditPage.PageSize, before, ct);
            return AdminLayout.Html(AdminLayout.Page("Audit log", "/admin/audit", AuditPage.Render(entries, redactor), af.GetAndStoreTokens(c)));
        });
        return admin;
    }

    private static async Task<IResult> ArticleAsync(HttpContext c, DashboardReader reader, MessageLinks links, AdminRedactor redactor, IAntiforgery af, CancellationToken ct)
    {
        var token = af.GetAndStoreTokens(c);
        var key = c.Request.Query["key"].ToString();
        if (await reader.ArticleAsync(key, ct) is not { } model)
        {
            return AdminLayout.Html(NoticePages.NotFound("No such article.", token), StatusCodes.Status404NotFound);
        }

        return AdminLayout.Html(AdminLayout.Page("Article", "/admin/articles", ArticlePage.Render(model, links, redactor, token), token,
            new LiveRegion("/admin/article/live?key=" + Uri.EscapeDataString(model.Article.Key), model.Live(redactor).Shape)));
    }

    /// <summary>The email alone, for the preview frame: its own policy allows the inline styles mail needs, and nothing runs.</summary>
    private static async Task<IResult> EmailAsync(HttpContext c, DashboardReader reader, CancellationToken ct)
    {
        var email = await reader.EmailAsync(c.Request.Query["key"].ToString(), c.Request.Query["destination"].ToString(), ct);
        if (email is null)
        {
            return Results.NotFound();
        }

        var headers = c.Response.Headers;
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
        headers.XFrameOptions = "SAMEORIGIN";
        return AdminLayout.Html(email.HtmlBody);
    }

    private static async Task<IResult> RetractAsync(HttpContext c, ArticleRetractor retractor, PageAudit audit, IAntiforgery af, CancellationToken ct)
    {
        if (!await af.IsRequestValidAsync(c))
        {
            return AdminLayout.Html(NoticePages.FormExpired(), StatusCodes.Status400BadRequest);
        }

        var key = c.Request.Query["key"].ToString();
        var (id, outcome) = await retractor.RetractAsync(key, ct) switch
        {
            RetractOutcome.Retracted { Version: var r } => (r.Key, $"retracted as version {r.Version}"),
            RetractOutcome.AlreadyRetracted a => (a.Id, "already retracted"),
            _ => (null, "not found"),
        };
        await audit.WriteAsync(c, "retract " + (id ?? key), outcome, ct);
        return id is null
            ? AdminLayout.Html(NoticePages.NotFound("No such article.", af.GetAndStoreTokens(c)), StatusCodes.Status404NotFound)
            : new SeeOtherResult(Html.ArticleHref(id));
    }

    private static async Task<IResult> SubscribersAsync(HttpContext c, ISubscriberStore store, DestinationCatalog catalog, IAntiforgery af, CancellationToken ct)
    {
        var search = SubscriberSearch.From(c.Request.Query);
        var found = new List<Subscriber>();
        var more = false;
        await foreach (var subscriber in search.RunAsync(store, ct))
        {
            if (found.Count == SubscriberSearch.Shown)
            {
                more = true;
                break;
            }

            found.Add(subscriber);
        }

        return AdminLayout.Html(AdminLayout.Page("Subscribers", "/admin/subscribers", SubscribersPage.Render(search, [.. catalog.All.Where(d => d.Channel == ChannelNames.Email).Select(d => d.Name)], found, more), af.GetAndStoreTokens(c)));
    }

    private static async Task<IResult> LoginAsync(HttpContext context, AdminKey key, AdminSessions sessions, IAntiforgery antiforgery)
    {
        AdminLayout.Protect(context);
        if (!key.IsConfigured)
        {
            return AdminAccess.NotConfigured();
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return AdminLayout.Html(NoticePages.FormExpired(), StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!key.Matches(form["key"]))
        {
            return AdminLayout.Html(NoticePages.Login(antiforgery.GetAndStoreTokens(context), failed: true), StatusCodes.Status401Unauthorized);
        }

        var (id, expires) = await sessions.StartAsync(ClientAddress.Of(context), context.RequestAborted);
        context.Response.Cookies.Append(AdminAccess.SessionCookie, id, SessionCookieOptions(context, expires));
        return new SeeOtherResult("/admin");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, AdminSessions sessions, IAntiforgery antiforgery)
    {
        AdminLayout.Protect(context);
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return AdminLayout.Html(NoticePages.FormExpired(), StatusCodes.Status400BadRequest);
        }

        await sessions.EndAsync(context.Request.Cookies[AdminAccess.SessionCookie], context.RequestAborted);
        context.Response.Cookies.Delete(AdminAccess.SessionCookie, SessionCookieOptions(context, null));
        return new SeeOtherResult("/admin/login");
    }

    private static async Task<IResult> ActAsync(HttpContext context, IAntiforgery antiforgery, Func<Task> action)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return AdminLayout.Html(NoticePages.FormExpired(), StatusCodes.Status400BadRequest);
        }

        await action();
        var back = context.Request.Form["back"].ToString();
        return new SeeOtherResult(IsLocalPage(back) ? back : "/admin");
    }

    /// <summary>Only a page of this dashboard: never another site (<c>//host</c>, <c>/\host</c>) through the form's back field.</summary>
    private static bool IsLocalPage(string path) =>
        path.StartsWith("/admin", StringComparison.Ordinal) && !path.StartsWith("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal);

    private static IResult Live(LiveValues values) => Results.Json(values, LiveJson);

    private static CookieOptions SessionCookieOptions(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/admin",
        IsEssential = true,
        Expires = expires,
    };

    /// <summary>303, so the browser follows with a GET and a reload never repeats the action.</summary>
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
