namespace Bot.Core.Articles;

/// <summary>
/// One version of a news article, in the single shape every source produces.
/// <see cref="Version"/> is 0 until the store assigns it.
/// </summary>
public sealed record Article
{
    /// <summary>
    /// The article's id: the source's stable key (explicit id, else URL, else a hash of source and title), prefixed
    /// with <c>@FEED/</c> for a feed's items (see <see cref="ArticleOrigin"/>). Every verb and route takes this id.
    /// </summary>
    public required string Key { get; init; }

    /// <summary>The key namespace the article belongs to; the newsroom unless a feed took it in.</summary>
    public ArticleOrigin Origin { get; init; } = ArticleOrigin.Newsroom;

    public int Version { get; init; }
    public required string Title { get; init; }
    public string? Summary { get; init; }
    /// <summary>Body paragraphs in order, each exactly as the author wrote it.</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }
    public string? Url { get; init; }
    public string? Image { get; init; }
    public string? Source { get; init; }
    public string? Author { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Category { get; init; }
    /// <summary>BCP 47 language code, e.g. <c>ar</c>; detected from the script when the file does not say.</summary>
    public required string Language { get; init; }
    public TextDirection Direction { get; init; }
    public DateTimeOffset? Published { get; init; }
    /// <summary>When the bot first read this version (UTC).</summary>
    public DateTimeOffset Received { get; init; }
    public bool Retracted { get; init; }

    /// <summary>
    /// The source said <c>retracted: false</c> outright: the one way, besides content never seen before, to bring a
    /// retracted article back. Not part of the content and not stored.
    /// </summary>
    public bool Reinstates { get; init; }

    /// <summary>The body as one text, paragraphs separated by a blank line.</summary>
    public string Body => string.Join("\n\n", Paragraphs);
}
