using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using static Bot.Host.Http.Admin.Pages.Html;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>
/// The frame of every admin page: a navigation bar, one stylesheet and one script from this site, nothing from
/// anywhere else, and headers that keep the pages out of caches and frames.
/// </summary>
public static class AdminLayout
{
    /// <summary>Scripts, styles, images and fetches from this site only; no inline script or style; frames only of this site (the email preview).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; frame-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly (string Href, string Text)[] Sections =
    [
        ("/admin", "Overview"),
        ("/admin/articles", "Articles"),
        ("/admin/subscribers", "Subscribers"),
        ("/admin/audit", "Audit log"),
        ("/admin/hosts", "Hosts"),
    ];

    public static IResult Html(string page, int status = StatusCodes.Status200OK) =>
        Results.Content(page, "text/html; charset=utf-8", statusCode: status);

    /// <summary>Headers every admin page carries: never cached, never framed, scripts and styles of this site only.</summary>
    public static void Protect(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Content-Type-Options"] = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }

    /// <summary>A page of the signed-in dashboard: navigation with <paramref name="current"/> marked, and a sign-out button.</summary>
    public static string Page(string title, string current, string body, AntiforgeryTokenSet token, LiveRegion? live = null)
    {
        var nav = new StringBuilder("<nav aria-label=\"Sections\"><ul>");
        foreach (var (href, text) in Sections)
        {
            nav.Append("<li><a href=\"").Append(href).Append('"').Append(href == current ? " aria-current=\"page\"" : "").Append('>')
                .Append(E(text)).Append("</a></li>");
        }

        nav.Append("</ul><form method=\"post\" action=\"/admin/logout\">").Append(Hidden(token))
            .Append("<button type=\"submit\" class=\"quiet\">Sign out</button></form></nav>");
        return Document(title, nav.ToString(), body, live);
    }

    /// <summary>A page shown before sign-in: no navigation.</summary>
    public static string Bare(string title, string body) => Document(title, "", body, null);

    private static string Document(string title, string nav, string body, LiveRegion? live) => $"""
        <!DOCTYPE html>
        <html lang="en" dir="ltr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{E(title)} · bot admin</title>
        <link rel="icon" href="/admin/static/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/admin/static/admin.css">
        {(live is null ? "" : "<script src=\"/admin/static/admin.js\" defer></script>")}
        </head>
        <body{(live is null ? "" : $" data-live-url=\"{E(live.Url)}\" data-live-shape=\"{E(live.Shape)}\" data-live-every=\"{LiveRegion.PollMilliseconds}\"")}>
        <header><a class="brand" href="/admin">bot admin</a>{nav}</header>
        <main>
        <h1>{E(title)}</h1>
        {(live is null ? "" : "<p class=\"live\" role=\"status\"><span id=\"live-state\">Live: counts refresh every few seconds.</span> <a id=\"live-stale\" href=\"\" hidden>Rows changed: reload</a></p>")}
        {body}
        </main>
        </body>
        </html>
        """;
}
