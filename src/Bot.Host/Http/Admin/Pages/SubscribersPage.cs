using System.Text;
using Bot.Core.Subscriptions;
using static Bot.Host.Http.Admin.Pages.Html;

namespace Bot.Host.Http.Admin.Pages;

/// <summary><c>GET /admin/subscribers</c>: search by part of the address, list and state; the first matches, and all of them as CSV.</summary>
public static class SubscribersPage
{
    public static string Render(SubscriberSearch search, IReadOnlyList<string> lists, IReadOnlyList<Subscriber> found, bool more)
    {
        var body = new StringBuilder();
        body.Append("<form method=\"get\" action=\"/admin/subscribers\" class=\"search\" role=\"search\">")
            .Append("<label>Address contains <input type=\"search\" name=\"q\" value=\"").Append(E(search.Text)).Append("\" autocomplete=\"off\"></label>")
            .Append("<label>List <select name=\"list\"><option value=\"\">all lists</option>");
        foreach (var list in lists)
        {
            body.Append("<option").Append(list.Equals(search.List, StringComparison.OrdinalIgnoreCase) ? " selected" : "").Append('>').Append(E(list)).Append("</option>");
        }

        body.Append("</select></label><label>State <select name=\"state\"><option value=\"\">any state</option>");
        foreach (var state in Enum.GetValues<SubscriberStatus>())
        {
            var name = state.ToString().ToLowerInvariant();
            body.Append("<option value=\"").Append(name).Append('"').Append(search.State == state ? " selected" : "").Append('>').Append(name).Append("</option>");
        }

        body.Append("</select></label><button type=\"submit\">Search</button></form>\n<p>")
            .Append(more ? $"The first {SubscriberSearch.Shown} matches. " : $"{N(found.Count)} {(found.Count == 1 ? "match" : "matches")}. ")
            .Append("<a href=\"").Append(E("/admin/subscribers.csv" + search.QueryString())).Append("\" download>Export ").Append(more ? "all matches" : "these")
            .Append(" as CSV</a></p>\n");
        if (found.Count == 0)
        {
            return body.ToString();
        }

        body.Append("<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Address</th><th scope=\"col\">Name</th><th scope=\"col\">List</th><th scope=\"col\">State</th><th scope=\"col\">Since</th></tr></thead>\n<tbody>\n");
        foreach (var s in found)
        {
            var state = s.Status.ToString().ToLowerInvariant();
            body.Append("<tr><td class=\"address\" dir=\"ltr\">").Append(E(s.Email)).Append("</td><td dir=\"auto\">").Append(E(s.Name)).Append("</td><td>").Append(E(s.List))
                .Append("</td><td><span class=\"badge ").Append(state).Append("\">").Append(state).Append("</span></td><td>").Append(Time(s.UpdatedAt)).Append("</td></tr>\n");
        }

        return body.Append("</tbody></table></div>\n").ToString();
    }
}
