namespace Bot.Core.Articles;

/// <summary>What a file parser found, before the key, language and direction are settled.</summary>
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
    public bool Retracted { get; init; }
}
