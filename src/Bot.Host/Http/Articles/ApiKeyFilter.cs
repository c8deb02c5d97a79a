using Bot.Host.Http.Admin;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Articles;

/// <summary>
/// Lets an article API request through only with <c>Authorization: Bearer KEY</c> for one of <see cref="ApiKeys"/>,
/// and records who it is (<see cref="ActorOf"/>) for the audit log. Anything else is a 401 that names no key.
/// </summary>
public sealed class ApiKeyFilter(ApiKeys keys) : IEndpointFilter
{
    private const string ActorItem = "bot.api.actor";

    /// <summary>The audit log's actor for the key that made the request: <c>api:NAME</c>.</summary>
    public static string ActorOf(HttpContext context) =>
        context.Items[ActorItem] as string ?? throw new InvalidOperationException("the request did not pass the API key filter");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!keys.IsConfigured)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ArticleProblem.Of(StatusCodes.Status401Unauthorized, "Unauthorized", $"the article API is off: no {ApiKeys.Section} are configured");
        }

        if (keys.NameOf(AdminKey.BearerOf(http.Request.Headers.Authorization)) is not { } name)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ArticleProblem.Of(StatusCodes.Status401Unauthorized, "Unauthorized", "missing or wrong API key: send Authorization: Bearer KEY");
        }

        http.Items[ActorItem] = "api:" + name;
        http.Response.Headers.CacheControl = "no-store";
        return await next(context);
    }
}
