using System.Data.Common;
using Bot.Host.Http.Admin.Pages;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Admin;

/// <summary>
/// Lets a page request through only with the cookie of an open session (<see cref="AdminSessions"/>). The sessions
/// live in the store, so while it does not answer the pages say so instead of failing blank.
/// </summary>
public sealed class AdminSessionFilter(AdminKey key, AdminSessions sessions) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        AdminLayout.Protect(http);
        if (!key.IsConfigured)
        {
            return AdminAccess.NotConfigured();
        }

        try
        {
            return await sessions.IsValidAsync(http.Request.Cookies[AdminAccess.SessionCookie], http.RequestAborted)
                ? await next(context)
                : AdminLayout.Html(NoticePages.SignInRequired(), StatusCodes.Status401Unauthorized);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            return AdminLayout.Html(NoticePages.StoreDown(), StatusCodes.Status503ServiceUnavailable);
        }
    }
}
