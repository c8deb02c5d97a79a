using System.Globalization;
using System.Text;
using Bot.Core.Audit;
using static Bot.Host.Http.Admin.Pages.Html;

namespace Bot.Host.Http.Admin.Pages;

/// <summary><c>GET /admin/audit</c>: the audit log, newest first: who did what, through which surface and from where.</summary>
public static class AuditPage
{
    public const int PageSize = 100;

    public static string Render(IReadOnlyList<AuditEntry> entries, AdminRedactor redactor)
    {
        if (entries.Count == 0)
        {
            return "<p>Nothing in the audit log.</p>";
        }

        var body = new StringBuilder("<div class=\"scroll\"><table class=\"audit\">\n<thead><tr><th scope=\"col\">When (UTC)</th><th scope=\"col\">Who</th><th scope=\"col\">Surface</th>")
            .Append("<th scope=\"col\">From</th><th scope=\"col\">Action</th><th scope=\"col\">Detail</th></tr></thead>\n<tbody>\n");
        foreach (var e in entries)
        {
            body.Append("<tr><td>").Append(Time(e.At)).Append("</td><td>").Append(E(e.Actor)).Append("</td><td>").Append(E(Surface(e.Actor)))
                .Append("</td><td class=\"address\">").Append(E(e.Origin ?? "–")).Append("</td><td>").Append(E(e.Action))
                .Append("</td><td dir=\"auto\">").Append(E(redactor.Redact(e.Detail))).Append("</td></tr>\n");
        }

        body.Append("</tbody></table></div>\n");
        if (entries.Count == PageSize)
        {
            body.Append("<p><a href=\"/admin/audit?before=").Append(entries[^1].Id.ToString(CultureInfo.InvariantCulture)).Append("\">Older entries</a></p>\n");
        }

        return body.ToString();
    }

    /// <summary>The surface an actor acted through: the part of its name before the colon (<c>telegram:42</c> → telegram).</summary>
    public static string Surface(string actor) => actor.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? actor[..colon] : actor;
}
