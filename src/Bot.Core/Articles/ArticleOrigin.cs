using System.Text.RegularExpressions;

namespace Bot.Core.Articles;

/// <summary>
/// The key namespace an article came from: the newsroom (inbox files, <c>bot import</c>, the HTTP API) or one
/// feed. Two origins never share an article: a feed item's id is <c>@FEED/KEY</c>, a newsroom article's id is its
/// key as given, and a newsroom key may not start with <see cref="FeedMark"/>. Existing ids and links to newsroom
/// articles therefore keep working, while a feed can only ever reach ids under its own prefix.
/// </summary>
public sealed partial record ArticleOrigin
{
    /// <summary>First character of every feed item's id; refused at the start of a newsroom key.</summary>
    public const char FeedMark = '@';

    /// <summary>Longest feed name accepted.</summary>
    public const int MaxFeedNameLength = 64;

    private const string NewsroomStored = "newsroom";
    private const string FeedStoredPrefix = "feed:";

    private ArticleOrigin(string? feedName) => FeedName = feedName;

    public static ArticleOrigin Newsroom { get; } = new((string?)null);

    /// <summary>The feed's name (<c>Sources:Feeds:N:Name</c>); null for the newsroom.</summary>
    public string? FeedName { get; }

    /// <summary>How the store records the origin: <c>newsroom</c> or <c>feed:NAME</c>.</summary>
    public string Stored => FeedName is null ? NewsroomStored : FeedStoredPrefix + FeedName;

    public static ArticleOrigin Feed(string name) =>
        IsValidFeedName(name) ? new ArticleOrigin(name) : throw new ArgumentException($"'{name}' is not a feed name", nameof(name));

    /// <summary>Letters, digits, '.', '_' and '-', starting with a letter or digit: safe in an id, a URL and a shell.</summary>
    public static bool IsValidFeedName(string? name) => name is not null && FeedNamePattern().IsMatch(name);

    /// <summary>Reads <see cref="Stored"/> back; anything unknown is the newsroom, which every row was before origins existed.</summary>
    public static ArticleOrigin Parse(string? stored) =>
        stored is not null && stored.StartsWith(FeedStoredPrefix, StringComparison.Ordinal) && IsValidFeedName(stored[FeedStoredPrefix.Length..])
            ? new ArticleOrigin(stored[FeedStoredPrefix.Length..])
            : Newsroom;

    /// <summary>The article id that <paramref name="key"/> has in this origin.</summary>
    public string IdOf(string key) => FeedName is null ? key : $"{FeedMark}{FeedName}/{key}";

    /// <summary>
    /// <paramref name="article"/> (keyed as its source gave it) as an article of this origin, its key turned into the
    /// id; a failure naming field <c>id</c> when the key cannot be this origin's.
    /// </summary>
    public ArticleReadResult Take(Article article)
    {
        if (FeedName is not null)
        {
            return new ArticleReadResult.Success(article with { Key = IdOf(article.Key), Origin = this });
        }

        if (article.Key.StartsWith(FeedMark))
        {
            var reason = $"field \"id\" must not start with \"{FeedMark}\", which marks the articles of feeds";
            return new ArticleReadResult.Failure(reason) { Errors = [new ArticleFieldError("id", reason)] };
        }

        return new ArticleReadResult.Success(article with { Origin = this });
    }

    public override string ToString() => Stored;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex FeedNamePattern();
}
