namespace Bot.Core.Articles;

/// <summary>What a file parser or feed reader found, before the key, language and direction are settled.</summary>
internal sealed record ArticleDraft
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<string> Paragraphs { get; init; } = [];
    public string? Url { get; init; }
    public string? Image { get; init; }
    public string? Source { get; init; }
    public string? Author { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Category { get; init; }
    public string? Language { get; init; }
    public DateTimeOffset? Published { get; init; }
    /// <summary>The <c>retracted</c> field: null when the source did not say.</summary>
    public bool? Retracted { get; init; }

    /// <summary>
    /// The article this draft describes: key from id, else URL, else source and title; language as given, else
    /// detected from the text. The caller has checked that <see cref="Title"/> is set.
    /// </summary>
    /// <summary>The link fields that are not absolute http(s) URLs (<c>javascript:</c>, <c>data:</c>, relative paths, …).</summary>
    public IEnumerable<ArticleFieldError> LinkErrors()
    {
        if (ArticleFieldRules.LinkProblem("url", Url) is { } url) yield return new ArticleFieldError("url", url);
        if (ArticleFieldRules.LinkProblem("image", Image) is { } image) yield return new ArticleFieldError("image", image);
    }

    public Article ToArticle(DateTimeOffset received)
    {
        var title = Title ?? throw new InvalidOperationException("A draft needs a title to become an article.");
        var language = Language ?? LanguageDetector.Detect(Paragraphs.Prepend(title));
        return new Article
        {
            Key = Id ?? Url ?? ArticleFingerprint.KeyFromSourceAndTitle(Source, title),
            Title = title,
            Summary = Summary,
            Paragraphs = Paragraphs,
            Url = Url,
            Image = Image,
            Source = Source,
            Author = Author,
            Tags = Tags,
            Category = Category,
            Language = language,
            Direction = LanguageTag.DirectionOf(language),
            Published = Published,
            Received = received.ToUniversalTime(),
            Retracted = Retracted == true,
            Reinstates = Retracted == false,
        };
    }
}
