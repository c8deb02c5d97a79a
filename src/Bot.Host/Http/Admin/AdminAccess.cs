using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Admin;

/// <summary>Who may use <c>/admin</c>: a request with the key as a bearer token, or a browser with a session cookie.</summary>
public static class AdminAccess
{
    public const string SessionCookie = "bot_admin";

    public const string NotConfiguredText = "The admin API is off: Http:AdminKey is not set.";

    public static IResult NotConfigured() =>
        Results.Text(NotConfiguredText, "text/plain; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>
    /// True for a request that proves it holds the key, or carries a session this host has seen valid; such requests
    /// are never rate-limited. Only for the limiter: it must answer without the store, and pages check the session there.
    /// </summary>
    public static bool IsAuthenticated(HttpContext context, AdminKey key, AdminSessions sessions) =>
        key.IsConfigured && (key.Matches(AdminKey.BearerOf(context.Request.Headers.Authorization))
            || sessions.WasRecentlyValid(context.Request.Cookies[SessionCookie]));
}
