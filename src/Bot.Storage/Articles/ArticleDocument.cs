using Bot.Core.Articles;

namespace Bot.Storage.Articles;

/// <summary>
/// The stored JSON of one article version. Its own type, not <see cref="Article"/>, so that renaming
/// a property in Bot.Core cannot silently change what rows already written mean.
/// </summary>
internal sealed record ArticleDocument
{
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public required IReadOnlyList<string> Paragraphs { get; init; }
    public string? Url { get; init; }
    public string? Image { get; init; }
    public string? Source { get; init; }
    public string? Author { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Category { get; init; }
    public required string Language { get; init; }
    public TextDirection Direction { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset Received { get; init; }
    public bool Retracted { get; init; }

    public static ArticleDocument From(Article article) => new()
    {
        Title = article.Title,
        Summary = article.Summary,
        Paragraphs = article.Paragraphs,
        Url = article.Url,
        Image = article.Image,
        Source = article.Source,
        Author = article.Author,
        Tags = article.Tags,
        Category = article.Category,
        Language = article.Language,
        Direction = article.Direction,
        Published = article.Published,
        Received = article.Received,
        Retracted = article.Retracted,
    };

    public Article ToArticle(string key, int version) => new()
    {
        Key = key,
        Version = version,
        Title = Title,
        Summary = Summary,
        Paragraphs = Paragraphs,
        Url = Url,
        Image = Image,
        Source = Source,
        Author = Author,
        Tags = Tags,
        Category = Category,
        Language = Language,
        Direction = Direction,
        Published = Published,
        Received = Received,
        Retracted = Retracted,
    };
}
