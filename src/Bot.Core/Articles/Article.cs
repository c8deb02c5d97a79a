namespace Bot.Core.Articles;

/// <summary>
/// One version of a news article, in the single shape every source produces.
/// <see cref="Version"/> is 0 until the store assigns it.
/// </summary>
public sealed record Article
{
    /// <summary>Stable key: the explicit id, else the URL, else a hash of source and title.</summary>
    public required string Key { get; init; }
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

    /// <summary>The body as one text, paragraphs separated by a blank line.</summary>
    public string Body => string.Join("\n\n", Paragraphs);
}
