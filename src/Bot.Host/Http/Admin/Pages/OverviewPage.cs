using System.Globalization;
using System.Text;
using Bot.Core.Delivery;
using Microsoft.AspNetCore.Antiforgery;
using static Bot.Host.Http.Admin.Pages.Html;

namespace Bot.Host.Http.Admin.Pages;

/// <summary><c>GET /admin</c>: each destination with its state, its tallies and Pause/Resume; the dead deliveries with Retry.</summary>
public static class OverviewPage
{
    public static string Render(OverviewModel model, AdminRedactor redactor, AntiforgeryTokenSet token)
    {
        var body = new StringBuilder();
        body.Append("<section aria-labelledby=\"destinations\"><h2 id=\"destinations\">Destinations</h2>\n<div class=\"scroll\"><table>\n")
            .Append("<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Channel</th><th scope=\"col\">Address</th><th scope=\"col\">State</th>");
        foreach (var group in ChannelTally.Groups)
        {
            body.Append("<th scope=\"col\" class=\"num\">").Append(group).Append("</th>");
        }

        body.Append("<th scope=\"col\">Action</th></tr></thead>\n<tbody>\n");
        foreach (var d in model.Destinations)
        {
            var tally = model.TallyOf(d.Name);
            body.Append("<tr><th scope=\"row\">").Append(E(d.Name)).Append("</th><td>").Append(E(d.Channel)).Append("</td><td class=\"address\">")
                .Append(E(AdminRedactor.Address(d.Address))).Append("</td><td>").Append(StateBadge(d, redactor)).Append("</td>");
            foreach (var group in ChannelTally.Groups)
            {
                body.Append(Live("td", OverviewModel.LiveId(d.Name, group), N(tally[group]), "num"));
            }

            body.Append("<td>").Append(PauseButton(d, token, "/admin")).Append("</td></tr>\n");
        }

        body.Append("</tbody></table></div></section>\n");

        body.Append("<section aria-labelledby=\"dead\"><h2 id=\"dead\">Dead deliveries</h2>\n");
        if (model.Dead.Count == 0)
        {
            body.Append("<p>No dead deliveries.</p></section>\n");
            return body.ToString();
        }

        body.Append("<p>").Append(Button("/admin/deliveries/retry-dead", "Retry all dead", "Retry every dead delivery", token, "/admin")).Append("</p>\n")
            .Append("<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Id</th><th scope=\"col\">Article</th><th scope=\"col\">Destination</th><th scope=\"col\">Recipient</th>")
            .Append("<th scope=\"col\">Kind</th><th scope=\"col\" class=\"num\">Attempts</th><th scope=\"col\">Error</th><th scope=\"col\">Action</th></tr></thead>\n<tbody>\n");
        foreach (var d in model.Dead)
        {
            var id = d.Id.ToString(CultureInfo.InvariantCulture);
            body.Append("<tr><td>").Append(id).Append("</td><td><a href=\"").Append(E(ArticleHref(d.ArticleKey))).Append("\">").Append(E(d.ArticleKey))
                .Append("</a> v").Append(d.ArticleVersion.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(d.Destination))
                .Append("</td><td>").Append(E(d.Recipient)).Append("</td><td>").Append(DeliveryNames.Of(d.Kind)).Append("</td><td class=\"num\">")
                .Append(d.Attempts.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"error-text\">").Append(E(redactor.Redact(d.LastError)))
                .Append("</td><td>").Append(Button($"/admin/deliveries/{id}/retry", "Retry", $"Retry delivery {id}", token, "/admin")).Append("</td></tr>\n");
        }

        body.Append("</tbody></table></div></section>\n");
        return body.ToString();
    }

    public static string StateBadge(DestinationRow d, AdminRedactor redactor) =>
        $"<span class=\"badge {d.State}\">{d.State}</span>" +
        (d.Disabled && d.DisabledReason is { Length: > 0 } reason ? $" <span class=\"error-text\">{E(redactor.Redact(reason))}</span>" : "") +
        (d.Configured ? "" : " <span class=\"hint\">(no longer configured)</span>");

    public static string PauseButton(DestinationRow d, AntiforgeryTokenSet token, string back)
    {
        var (verb, text) = d.Paused || d.Disabled ? ("resume", "Resume") : ("pause", "Pause");
        return Button($"/admin/destinations/{Uri.EscapeDataString(d.Name)}/{verb}", text, $"{text} {d.Name}", token, back);
    }
}
