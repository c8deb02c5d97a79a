using System.Globalization;
using System.Net;
using System.Text;
using Bot.Core.Articles;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Admin;

/// <summary>
/// The admin pages: plain HTML, no script, no external resources. Every value is HTML-encoded, and article
/// titles carry <c>dir="auto"</c> so Arabic reads right to left inside the English page.
/// </summary>
public static class AdminPages
{
    private const string Style =
        "body{font-family:sans-serif;margin:1.5em;line-height:1.5}table{border-collapse:collapse;margin-bottom:1.5em}" +
        "th,td{border:1px solid #999;padding:.25em .6em;text-align:start;vertical-align:top}caption{text-align:start;font-weight:bold;padding:.3em 0}" +
        "form.inline{display:inline}button{font-size:1em}.error{color:#a00}";

    public static IResult Html(string page, int status) => Results.Content(page, "text/html; charset=utf-8", statusCode: status);

    /// <summary>Headers every admin page carries: never cached, never framed, no script, forms only to this site.</summary>
    public static void Protect(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
    }

    public static string Login(AntiforgeryTokenSet token, bool failed) => Page("Sign in", $"""
        {(failed ? "<p class=\"error\" role=\"alert\">That is not the admin key.</p>" : "")}
        <form method="post" action="/admin/login">
        {Hidden(token)}
        <p><label for="key">Admin key</label><br>
        <input id="key" name="key" type="password" autocomplete="current-password" required size="40"></p>
        <p><button type="submit">Sign in</button></p>
        </form>
        """);

    public static string SignInRequired() => Page("Sign in required", """<p>This page needs the admin key. <a href="/admin/login">Sign in</a>.</p>""");

    public static string FormExpired() => Page("Form expired", """<p>The form was missing its security token or it has expired. <a href="/admin">Reload the dashboard</a> and try again.</p>""");

    public static string Dashboard(
        AdminStatusView status,
        IReadOnlyList<AdminDestinationView> destinations,
        IReadOnlyList<AdminDeliveryView> dead,
        IReadOnlyList<Article> articles,
        AntiforgeryTokenSet token)
    {
        var body = new StringBuilder();
        body.Append("<form class=\"inline\" method=\"post\" action=\"/admin/logout\">").Append(Hidden(token))
            .Append("<button type=\"submit\">Sign out</button></form>\n");
        body.Append("<p>Store: ").Append(status.StoreUp ? "up" : "<strong>down</strong>").Append("</p>\n");

        body.Append("<table>\n<caption>Deliveries by status</caption>\n<tr><th scope=\"col\">Destination</th><th scope=\"col\">Channel</th>");
        foreach (var name in StatusNames)
        {
            body.Append("<th scope=\"col\">").Append(name).Append("</th>");
        }

        body.Append("</tr>\n");
        foreach (var d in status.Destinations)
        {
            body.Append("<tr><th scope=\"row\">").Append(E(d.Name)).Append("</th><td>").Append(E(d.Channel)).Append("</td>").Append(Counts(d.Deliveries)).Append("</tr>\n");
        }

        body.Append("<tr><th scope=\"row\">Total</th><td></td>").Append(Counts(status.Totals)).Append("</tr>\n</table>\n");

        body.Append("<table>\n<caption>Destinations</caption>\n<tr><th scope=\"col\">Name</th><th scope=\"col\">Channel</th><th scope=\"col\">Address</th><th scope=\"col\">State</th><th scope=\"col\">Action</th></tr>\n");
        foreach (var d in destinations)
        {
            var state = d.Disabled ? "disabled: " + (d.DisabledReason ?? "") : d.Paused ? "paused" : "active";
            var (verb, label) = d.Paused || d.Disabled ? ("resume", "Resume") : ("pause", "Pause");
            body.Append("<tr><th scope=\"row\">").Append(E(d.Name)).Append("</th><td>").Append(E(d.Channel)).Append("</td><td>").Append(E(d.Address))
                .Append("</td><td>").Append(E(state)).Append(d.Configured ? "" : " (no longer configured)").Append("</td><td>")
                .Append(Button($"/admin/destinations/{Uri.EscapeDataString(d.Name)}/{verb}", $"{label} {d.Name}", label, token)).Append("</td></tr>\n");
        }

        body.Append("</table>\n");

        body.Append("<table>\n<caption>Dead deliveries</caption>\n<tr><th scope=\"col\">Id</th><th scope=\"col\">Article</th><th scope=\"col\">Version</th><th scope=\"col\">Destination</th><th scope=\"col\">Recipient</th><th scope=\"col\">Kind</th><th scope=\"col\">Attempts</th><th scope=\"col\">Error</th><th scope=\"col\">Action</th></tr>\n");
        foreach (var d in dead)
        {
            var id = d.Id.ToString(CultureInfo.InvariantCulture);
            body.Append("<tr><td>").Append(id).Append("</td><td>").Append(E(d.ArticleKey)).Append("</td><td>").Append(d.ArticleVersion.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(E(d.Destination)).Append("</td><td>").Append(E(d.Recipient)).Append("</td><td>").Append(E(d.Kind))
                .Append("</td><td>").Append(d.Attempts.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(d.LastError))
                .Append("</td><td>").Append(Button($"/admin/deliveries/{id}/retry", $"Retry delivery {id}", "Retry", token)).Append("</td></tr>\n");
        }

        body.Append("</table>\n");
        if (dead.Count == 0)
        {
            body.Append("<p>No dead deliveries.</p>\n");
        }
        else
        {
            body.Append("<p>").Append(Button("/admin/deliveries/retry-dead", "Retry every dead delivery", "Retry all dead", token)).Append("</p>\n");
        }

        body.Append("<table>\n<caption>Recent articles</caption>\n<tr><th scope=\"col\">Key</th><th scope=\"col\">Version</th><th scope=\"col\">Title</th><th scope=\"col\">Language</th><th scope=\"col\">Published</th><th scope=\"col\">State</th></tr>\n");
        foreach (var a in articles)
        {
            body.Append("<tr><td>").Append(E(a.Key)).Append("</td><td>").Append(a.Version.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td dir=\"auto\" lang=\"").Append(E(a.Language)).Append("\">").Append(E(a.Title)).Append("</td><td>").Append(E(a.Language))
                .Append("</td><td>").Append(a.Published?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-")
                .Append("</td><td>").Append(a.Retracted ? "retracted" : "").Append("</td></tr>\n");
        }

        body.Append("</table>\n");
        return Page("Bot admin", body.ToString());
    }

    private static readonly string[] StatusNames = ["queued", "sending", "sent", "failed", "dead", "cancelled", "held"];

    private static string Counts(AdminDeliveryCounts c) => string.Concat(
        new[] { c.Queued, c.Sending, c.Sent, c.Failed, c.Dead, c.Cancelled, c.Held }.Select(n => "<td>" + n.ToString(CultureInfo.InvariantCulture) + "</td>"));

    private static string Button(string action, string label, string text, AntiforgeryTokenSet token) =>
        $"<form class=\"inline\" method=\"post\" action=\"{E(action)}\">{Hidden(token)}<button type=\"submit\" aria-label=\"{E(label)}\">{E(text)}</button></form>";

    private static string Hidden(AntiforgeryTokenSet token) =>
        $"<input type=\"hidden\" name=\"{E(token.FormFieldName)}\" value=\"{E(token.RequestToken)}\">";

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en" dir="ltr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{E(title)}</title>
        <style>{Style}</style>
        </head>
        <body>
        <main>
        <h1>{E(title)}</h1>
        {body}
        </main>
        </body>
        </html>
        """;

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
