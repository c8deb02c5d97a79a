using Bot.Core.Articles;
using Microsoft.AspNetCore.Antiforgery;
using static Bot.Host.Http.Admin.Pages.Html;

namespace Bot.Host.Http.Admin.Pages;

/// <summary><c>GET /admin/article/retract?key=</c>: the confirmation a retraction needs, asked without script by a page of its own.</summary>
public static class RetractPage
{
    public static string Render(Article article, AntiforgeryTokenSet token)
    {
        var action = "/admin/article/retract?key=" + Uri.EscapeDataString(article.Key);
        return $"""
            <p>Retract this article?</p>
            <p class="headline" dir="{ArticlePage.Direction(article)}" lang="{E(article.Language)}">{E(article.Title)}</p>
            <p>Its sent Telegram and Discord messages are deleted, and whatever has not gone out yet is cancelled. Email that went out
            stays in mailboxes. A retraction sticks: the same article arriving again sends nothing.</p>
            <form method="post" action="{E(action)}" class="stack">
            {Hidden(token)}
            <button type="submit" class="danger">Retract</button>
            </form>
            <p><a href="{E(ArticleHref(article.Key))}">Cancel</a></p>
            """;
    }
}
