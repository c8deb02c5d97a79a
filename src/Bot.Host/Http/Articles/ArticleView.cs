using Bot.Core.Articles;

namespace Bot.Host.Http.Articles;

/// <summary><c>GET /api/articles/{id}</c>: the latest version in full and where it went, one entry per destination.</summary>
public sealed record ArticleView(
    string Id,
    string Origin,
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
    IReadOnlyList<DestinationDeliveryView> Deliveries)
{
    public static ArticleView Of(Article a, IReadOnlyList<DestinationDeliveryView> deliveries) => new(
        a.Key, a.Origin.Stored, a.Version, a.Title, a.Summary, a.Url, a.Image, a.Source, a.Author, a.Tags, a.Category, a.Language,
        a.Direction.ToString().ToLowerInvariant(), a.Published, a.Received, a.Retracted, a.Paragraphs, deliveries);
}
