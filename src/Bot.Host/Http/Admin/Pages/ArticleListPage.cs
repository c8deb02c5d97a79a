using System.Globalization;
using System.Text;
using static Bot.Host.Http.Admin.Pages.Html;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>
/// <c>GET /admin/articles</c>: the recent articles, newest first, each a card with its deliveries tallied per
/// channel (sent, pending, failed, dead), kept current by the page's script. Cards rather than one wide table, so a
/// phone shows them without sideways scrolling.
/// </summary>
public static class ArticleListPage
{
    public static string Render(ArticleListModel model)
    {
        if (model.Articles.Count == 0)
        {
            return "<p>No articles yet.</p>";
        }

        var body = new StringBuilder("<ol class=\"cards\">\n");
        foreach (var a in model.Articles)
        {
            body.Append("<li class=\"card\"><h2 class=\"title\" dir=\"auto\" lang=\"").Append(E(a.Language)).Append("\"><a href=\"").Append(E(ArticleHref(a.Key)))
                .Append("\">").Append(E(a.Title)).Append("</a></h2>\n<p class=\"meta\"><span class=\"key\">").Append(E(a.Key)).Append("</span> · v")
                .Append(a.Version.ToString(CultureInfo.InvariantCulture)).Append(" · ").Append(Time(a.Published ?? a.Received))
                .Append(a.Retracted ? " · <span class=\"badge retracted\">retracted</span>" : "").Append("</p>\n");
            body.Append("<table class=\"tally\"><thead><tr><th scope=\"col\">Channel</th>");
            foreach (var group in ChannelTally.Groups)
            {
                body.Append("<th scope=\"col\" class=\"num\">").Append(group).Append("</th>");
            }

            body.Append("</tr></thead><tbody>");
            foreach (var channel in model.Channels)
            {
                var tally = model.TallyOf(a.Key, channel);
                body.Append("<tr><th scope=\"row\">").Append(E(channel)).Append("</th>");
                foreach (var group in ChannelTally.Groups)
                {
                    body.Append(Live("td", ArticleListModel.LiveId(a.Key, channel, group), N(tally[group]), "num " + group));
                }

                body.Append("</tr>");
            }

            body.Append("</tbody></table></li>\n");
        }

        return body.Append("</ol>\n").ToString();
    }
}
