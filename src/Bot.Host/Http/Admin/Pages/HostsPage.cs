using System.Text;
using Bot.Core.Hosts;
using Bot.Host.Cli;
using static Bot.Host.Http.Admin.Pages.Html;

namespace Bot.Host.Http.Admin.Pages;

/// <summary><c>GET /admin/hosts</c>: the live hosts sharing the store, their last heartbeat and the singletons each runs.</summary>
public static class HostsPage
{
    public static string Render(IReadOnlyList<HostRecord> hosts)
    {
        if (hosts.Count == 0)
        {
            return "<p>No live host: none has written a heartbeat within its lease.</p>";
        }

        var body = new StringBuilder("<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Host</th><th scope=\"col\">Name</th><th scope=\"col\">Started (UTC)</th>")
            .Append("<th scope=\"col\">Last heartbeat</th><th scope=\"col\">Runs</th></tr></thead>\n<tbody>\n");
        foreach (var h in hosts)
        {
            body.Append("<tr><th scope=\"row\">").Append(E(h.Id)).Append("</th><td>").Append(E(h.Name)).Append("</td><td>").Append(Time(h.StartedAt))
                .Append("</td><td>").Append(E(HostsCommand.Ago(h.SinceSeen))).Append("</td><td>")
                .Append(h.Singletons.Count == 0 ? "–" : string.Join(", ", h.Singletons.Select(s => "<code>" + E(s) + "</code>")))
                .Append("</td></tr>\n");
        }

        return body.Append("</tbody></table></div>\n").ToString();
    }
}
