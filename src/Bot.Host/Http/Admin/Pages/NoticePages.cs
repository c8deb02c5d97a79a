using Microsoft.AspNetCore.Antiforgery;
using static Bot.Host.Http.Admin.Pages.Html;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>The short pages: sign-in, and what a request that cannot be served is told.</summary>
public static class NoticePages
{
    public static string Login(AntiforgeryTokenSet token, bool failed) => AdminLayout.Bare("Sign in", $"""
        {(failed ? "<p class=\"error\" role=\"alert\">That is not the admin key.</p>" : "")}
        <form method="post" action="/admin/login" class="stack">
        {Hidden(token)}
        <label for="key">Admin key</label>
        <input id="key" name="key" type="password" autocomplete="current-password" required>
        <button type="submit">Sign in</button>
        </form>
        <p class="hint">A sign-in lasts {(int)AdminSessions.Lifetime.TotalHours} hours.</p>
        """);

    public static string SignInRequired() =>
        AdminLayout.Bare("Sign in required", """<p>This page needs the admin key, or your sign-in has expired. <a href="/admin/login">Sign in</a>.</p>""");

    public static string FormExpired() =>
        AdminLayout.Bare("Form expired", """<p>The form was missing its security token or it has expired. <a href="/admin">Reload the dashboard</a> and try again.</p>""");

    public static string StoreDown() =>
        AdminLayout.Bare("Store unavailable", """<p>The store does not answer; the dashboard needs it. Try again in a moment.</p>""");

    public static string NotFound(string what, AntiforgeryTokenSet token) =>
        AdminLayout.Page("Not found", "", $"<p>{E(what)}</p><p><a href=\"/admin/articles\">All articles</a></p>", token);
}
