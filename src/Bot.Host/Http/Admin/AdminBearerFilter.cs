using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Admin;

/// <summary>Lets an API request through only with <c>Authorization: Bearer KEY</c>; anything else is a 401 that names no key.</summary>
public sealed class AdminBearerFilter(AdminKey key) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!key.IsConfigured)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return AdminAccess.NotConfigured();
        }

        if (!key.Matches(AdminKey.BearerOf(http.Request.Headers.Authorization)))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return AdminApiEndpoints.Error(StatusCodes.Status401Unauthorized, "missing or wrong admin key: send Authorization: Bearer KEY");
        }

        http.Response.Headers.CacheControl = "no-store";
        return await next(context);
    }
}
