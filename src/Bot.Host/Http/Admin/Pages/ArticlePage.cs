using System.Globalization;
using System.Text;
using Bot.Core.Articles;
using Bot.Core.Delivery;
using Microsoft.AspNetCore.Antiforgery;
using static Bot.Host.Http.Admin.Pages.Html;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>
/// <c>GET /admin/article?key=</c>: where one article went and what it looks like there. Per destination: its state
/// with Pause/Resume, the tally, and the newest deliveries with attempts, last error, links to the sent messages and
/// Retry for dead ones. Then a preview per configured destination, drawn as its platform draws it.
/// </summary>
public static class ArticlePage
{
    public static string Render(ArticlePageModel model, MessageLinks links, AdminRedactor redactor, AntiforgeryTokenSet token)
    {
        var a = model.Article;
        var back = ArticleHref(a.Key);
        var dir = Direction(a);
        var body = new StringBuilder();
        body.Append("<section class=\"article-head\"><p class=\"headline\" dir=\"").Append(dir).Append("\" lang=\"").Append(E(a.Language)).Append("\">")
            .Append(E(a.Title)).Append("</p>\n<dl class=\"facts\"><dt>Key</dt><dd class=\"key\">").Append(E(a.Key)).Append("</dd><dt>Version</dt><dd>")
            .Append(a.Version.ToString(CultureInfo.InvariantCulture)).Append("</dd><dt>Published</dt><dd>").Append(Time(a.Published))
            .Append("</dd><dt>Received</dt><dd>").Append(Time(a.Received)).Append("</dd><dt>Language</dt><dd>").Append(E(a.Language)).Append("</dd>");
        if (a.Url is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            body.Append("<dt>Link</dt><dd class=\"key\"><a href=\"").Append(E(uri.AbsoluteUri)).Append("\" rel=\"noopener noreferrer nofollow\">").Append(E(url)).Append("</a></dd>");
        }

        body.Append("</dl>\n<p class=\"actions\">");
        body.Append(a.Retracted
            ? "<span class=\"badge retracted\">retracted</span> Its sent Telegram and Discord messages are deleted."
            : $"<a class=\"button danger\" href=\"{E("/admin/article/retract?key=" + Uri.EscapeDataString(a.Key))}\">Retract…</a>");
        body.Append("</p></section>\n");

        body.Append("<section aria-labelledby=\"deliveries\"><h2 id=\"deliveries\">Deliveries</h2>\n");
        if (model.Destinations.Count == 0)
        {
            body.Append("<p>No deliveries yet: the article is planned within moments of arriving, or no destination's filter takes it.</p>\n");
        }

        foreach (var d in model.Destinations)
        {
            Destination(body, d, links, redactor, token, back);
        }

        body.Append("</section>\n<section aria-labelledby=\"previews\"><h2 id=\"previews\">Previews</h2>\n")
            .Append("<p class=\"hint\">What each configured destination shows for this version, from its own templates.</p>\n<div class=\"previews\">\n");
        foreach (var p in model.Previews)
        {
            body.Append(PreviewHtml.Render(p, a));
        }

        return body.Append("</div></section>\n").ToString();
    }

    public static string Direction(Article article) => article.Direction == TextDirection.Rtl ? "rtl" : "ltr";

    private static void Destination(StringBuilder body, DestinationDeliveries d, MessageLinks links, AdminRedactor redactor, AntiforgeryTokenSet token, string back)
    {
        var dest = d.Destination;
        body.Append("<article class=\"destination\" aria-labelledby=\"d-").Append(E(dest.Name)).Append("\"><h3 id=\"d-").Append(E(dest.Name)).Append("\">")
            .Append(E(dest.Name)).Append(" <span class=\"channel\">").Append(E(dest.Channel)).Append("</span></h3>\n<p>")
            .Append(OverviewPage.StateBadge(dest, redactor)).Append(' ').Append(OverviewPage.PauseButton(dest, token, back)).Append("</p>\n");
        body.Append("<ul class=\"tally-line\">");
        foreach (var group in ChannelTally.Groups)
        {
            body.Append("<li class=\"").Append(group).Append("\">").Append(group).Append(' ')
                .Append(Live("span", ArticlePageModel.TallyId(dest.Name, group), N(d.Tally[group]), "num")).Append("</li>");
        }

        body.Append("</ul>\n");
        if (d.Total > d.Recent.Count)
        {
            body.Append("<p class=\"hint\">The newest ").Append(d.Recent.Count).Append(" of ").Append(N(d.Total)).Append(" deliveries.</p>\n");
        }

        var recipients = d.Recent.Any(r => r.Recipient.Length > 0);
        body.Append("<div class=\"scroll\"><table class=\"deliveries\">\n<thead><tr><th scope=\"col\">Id</th><th scope=\"col\">Version</th><th scope=\"col\">Kind</th>")
            .Append(recipients ? "<th scope=\"col\">Recipient</th>" : "")
            .Append("<th scope=\"col\">State</th><th scope=\"col\" class=\"num\">Attempts</th><th scope=\"col\">Sent</th><th scope=\"col\">Messages</th><th scope=\"col\">Last error</th><th scope=\"col\">Action</th></tr></thead>\n<tbody>\n");
        foreach (var r in d.Recent)
        {
            var id = r.Id.ToString(CultureInfo.InvariantCulture);
            var status = DeliveryNames.Of(r.Status);
            body.Append("<tr><td>").Append(id).Append("</td><td>").Append(r.ArticleVersion.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(DeliveryNames.Of(r.Kind)).Append("</td>");
            if (recipients)
            {
                body.Append("<td>").Append(E(r.Recipient)).Append("</td>");
            }

            body.Append(Live("td", ArticlePageModel.RowId(r.Id, "status"), status, "status"))
                .Append(Live("td", ArticlePageModel.RowId(r.Id, "attempts"), r.Attempts.ToString(CultureInfo.InvariantCulture), "num"))
                .Append("<td>").Append(Time(r.SentAt)).Append("</td><td>").Append(Messages(links.For(dest, r))).Append("</td>")
                .Append(Live("td", ArticlePageModel.RowId(r.Id, "error"), redactor.Redact(r.LastError) ?? "", "error-text"))
                .Append("<td>").Append(r.Status == DeliveryStatus.Dead ? Button($"/admin/deliveries/{id}/retry", "Retry", $"Retry delivery {id}", token, back) : "")
                .Append("</td></tr>\n");
        }

        body.Append("</tbody></table></div></article>\n");
    }

    private static string Messages(IReadOnlyList<(string Id, string? Url)> messages) => string.Join(" ", messages.Select(m => m.Url is null
        ? $"<span class=\"key\">{E(m.Id)}</span>"
        : $"<a href=\"{E(m.Url)}\" rel=\"noopener noreferrer\">{E(m.Id)}</a>"));
}
