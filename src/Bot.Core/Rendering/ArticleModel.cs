using Bot.Core.Articles;

namespace Bot.Core.Rendering;

/// <summary>
/// <c>article</c> in templates. Member names reach Liquid in snake case (<c>article.published</c>).
/// </summary>
/// <param name="Id">The article key.</param>
/// <param name="Direction"><c>rtl</c> or <c>ltr</c>.</param>
/// <param name="Published">When the article was published; for files that do not say (plain text), when the bot first read it.</param>
public sealed record ArticleModel(
    string Id,
    string Title,
    string? Summary,
    string Body,
    IReadOnlyList<string> Paragraphs,
    string? Url,
    string? Image,
    string? Source,
    string? Author,
    IReadOnlyList<string> Tags,
    string? Category,
    string Language,
    string Direction,
    DateTimeOffset? Published,
    int Version)
{
    public static ArticleModel From(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ArticleModel(
            article.Key,
            article.Title,
            article.Summary,
            article.Body,
            article.Paragraphs,
            article.Url,
            article.Image,
            article.Source,
            article.Author,
            article.Tags,
            article.Category,
            article.Language,
            article.Direction == TextDirection.Rtl ? "rtl" : "ltr",
            article.Published ?? (article.Received == default ? null : article.Received),
            article.Version);
    }
}
