namespace Bot.Core.Articles.Feeds;

/// <summary>A feed document read: its title and its items oldest first, or the one-line reason it is not a feed.</summary>
public abstract record FeedReadResult
{
    public sealed record Success(string? Title, IReadOnlyList<FeedEntry> Entries) : FeedReadResult;

    public sealed record Failure(string Reason) : FeedReadResult;
}
