using Bot.Core.Articles;

namespace Bot.Host.Http.Admin;

/// <summary><c>GET /admin/api/articles/{id}</c>: the latest version in full and the deliveries of every version, newest first.</summary>
public sealed record AdminArticleDetail(
    string Key,
    int Version,
    string Title,
    string? Summary,
    string? Url,
    string? Image,
    string? Source,
    string? Author,
    IReadOnlyList<string> Tags,
    string? Category,
    string Language,
    string Direction,
    DateTimeOffset? Published,
    DateTimeOffset Received,
    bool Retracted,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<AdminDeliveryView> Deliveries)
{
    public static AdminArticleDetail Of(Article a, IReadOnlyList<AdminDeliveryView> deliveries) => new(
        a.Key, a.Version, a.Title, a.Summary, a.Url, a.Image, a.Source, a.Author, a.Tags, a.Category, a.Language,
        a.Direction.ToString().ToLowerInvariant(), a.Published, a.Received, a.Retracted, a.Paragraphs, deliveries);
}
