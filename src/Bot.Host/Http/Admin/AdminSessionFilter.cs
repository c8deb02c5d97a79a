using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Admin;

/// <summary>Lets a page request through only with the session cookie the login form sets.</summary>
public sealed class AdminSessionFilter(AdminKey key) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        AdminPages.Protect(http);
        if (!key.IsConfigured)
        {
            return AdminAccess.NotConfigured();
        }

        return AdminAccess.HasSession(http, key)
            ? await next(context)
            : AdminPages.Html(AdminPages.SignInRequired(), StatusCodes.Status401Unauthorized);
    }
}
