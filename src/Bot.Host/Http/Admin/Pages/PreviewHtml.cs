using System.Globalization;
using System.Text;
using Bot.Core.Articles;
using Bot.Core.Channels;
using static Bot.Host.Http.Admin.Pages.Html;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>
/// One destination's preview as its platform draws it: Telegram bubbles, Discord messages with their embeds, and
/// the email in a sandboxed frame (no script, an origin of its own, served with its own policy). Text runs in the
/// article's direction. Images are not fetched: the pages load nothing from other sites, so a photo shows as its address.
/// </summary>
public static class PreviewHtml
{
    public static string Render(ChannelPreview preview, Article article)
    {
        var d = preview.Destination;
        var body = new StringBuilder();
        body.Append("<figure class=\"preview ").Append(E(d.Channel)).Append("\"><figcaption>").Append(E(d.Name)).Append(" <span class=\"channel\">")
            .Append(E(d.Channel)).Append("</span>").Append(preview.Matches ? "" : " <span class=\"hint\">(filter does not take this article: not sent)</span>")
            .Append("</figcaption>\n");
        var dir = ArticlePage.Direction(article);
        var lang = E(article.Language);
        switch (preview.Message)
        {
            case null:
                body.Append("<p class=\"error\">Could not render: ").Append(E(preview.Error)).Append("</p>");
                break;
            case TelegramMessage telegram:
                body.Append("<div class=\"tg-chat\">");
                foreach (var part in telegram.Parts)
                {
                    body.Append("<div class=\"tg-bubble\" dir=\"").Append(dir).Append("\" lang=\"").Append(lang).Append("\">");
                    if (part.PhotoUrl is { } photo)
                    {
                        body.Append("<div class=\"tg-photo\" dir=\"ltr\">Photo: <span class=\"key\">").Append(E(photo)).Append("</span></div>");
                    }

                    body.Append("<div class=\"tg-text\">").Append(TelegramPreviewHtml.Render(part.Html)).Append("</div><div class=\"tg-meta\" dir=\"ltr\">")
                        .Append(Clock(article)).Append("</div></div>");
                }

                body.Append("</div>");
                break;
            case DiscordMessage discord:
                body.Append("<div class=\"dc-chat\">");
                foreach (var part in discord.Parts)
                {
                    body.Append("<div class=\"dc-message\"><div class=\"dc-author\" dir=\"ltr\">bot <span class=\"dc-app\">APP</span> <span class=\"dc-time\">")
                        .Append(Clock(article)).Append("</span></div>");
                    if (part.Content is { Length: > 0 } content)
                    {
                        body.Append("<div class=\"dc-content\" dir=\"").Append(dir).Append("\" lang=\"").Append(lang).Append("\">").Append(DiscordPreviewHtml.Render(content)).Append("</div>");
                    }

                    if (part.Embed is { } embed)
                    {
                        Embed(body, embed, dir, lang);
                    }

                    body.Append("</div>");
                }

                body.Append("</div>");
                break;
            case EmailMessage email:
                body.Append("<div class=\"mail-head\"><p><span class=\"label\">Subject</span> <span dir=\"").Append(dir).Append("\" lang=\"").Append(lang).Append("\">")
                    .Append(E(email.Subject)).Append("</span></p><p><span class=\"label\">To</span> ").Append(E(email.To)).Append(" <span class=\"hint\">(a sample reader)</span></p></div>")
                    .Append("<iframe class=\"mail\" sandbox=\"\" referrerpolicy=\"no-referrer\" title=\"Email preview for ").Append(E(d.Name)).Append("\" src=\"")
                    .Append(E($"/admin/article/email?key={Uri.EscapeDataString(article.Key)}&destination={Uri.EscapeDataString(d.Name)}"))
                    .Append("\"></iframe>");
                break;
        }

        return body.Append("</figure>\n").ToString();
    }

    /// <summary>The class that draws an embed's colour bar; <see cref="AdminStaticFiles"/> writes one rule per configured colour.</summary>
    public static string ColorClass(int? color) => color is { } c ? "c-" + (c & 0xFFFFFF).ToString("x6", CultureInfo.InvariantCulture) : "c-default";

    private static void Embed(StringBuilder body, DiscordEmbed embed, string dir, string lang)
    {
        body.Append("<div class=\"dc-embed ").Append(ColorClass(embed.Color)).Append("\" dir=\"").Append(dir).Append("\" lang=\"").Append(lang).Append("\">");
        if (embed.Title is { Length: > 0 } title)
        {
            body.Append(embed.Url is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? $"<a class=\"dc-title\" href=\"{E(uri.AbsoluteUri)}\" rel=\"noopener noreferrer nofollow\">{E(title)}</a>"
                : $"<div class=\"dc-title\">{E(title)}</div>");
        }

        if (embed.Description is { Length: > 0 } description)
        {
            body.Append("<div class=\"dc-description\">").Append(DiscordPreviewHtml.Render(description)).Append("</div>");
        }

        if (embed.ImageUrl is { Length: > 0 } image)
        {
            body.Append("<div class=\"dc-image\" dir=\"ltr\">Image: <span class=\"key\">").Append(E(image)).Append("</span></div>");
        }

        if (embed.FooterText is { Length: > 0 } || embed.Timestamp is not null)
        {
            body.Append("<div class=\"dc-footer\">").Append(E(embed.FooterText));
            if (embed.Timestamp is { } at)
            {
                body.Append(embed.FooterText is { Length: > 0 } ? " • " : "").Append("<span dir=\"ltr\">")
                    .Append(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC</span>");
            }

            body.Append("</div>");
        }

        body.Append("</div>");
    }

    private static string Clock(Article article) =>
        (article.Published ?? article.Received).UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
}
