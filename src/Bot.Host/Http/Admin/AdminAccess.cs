using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Admin;

/// <summary>Who may use <c>/admin</c>: a request with the key as a bearer token, or a browser with the session cookie.</summary>
public static class AdminAccess
{
    public const string SessionCookie = "bot_admin";

    public const string NotConfiguredText = "The admin API is off: Http:AdminKey is not set.";

    public static IResult NotConfigured() =>
        Results.Text(NotConfiguredText, "text/plain; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);

    public static bool HasSession(HttpContext context, AdminKey key) =>
        key.MatchesSession(context.Request.Cookies[SessionCookie]);

    /// <summary>True for a request that proves it holds the key; such requests are never rate-limited.</summary>
    public static bool IsAuthenticated(HttpContext context, AdminKey key) =>
        key.IsConfigured && (key.Matches(AdminKey.BearerOf(context.Request.Headers.Authorization)) || HasSession(context, key));
}
