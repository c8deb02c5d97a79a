namespace Bot.Core.Articles.Feeds;

/// <summary>One item of a feed: an article, or skipped with a reason.</summary>
public abstract record FeedEntry
{
    public sealed record Read(Article Article) : FeedEntry;

    /// <param name="Item">What names the item to a reader of the log: its id, else its link, else its position.</param>
    public sealed record Skipped(string Item, string Reason) : FeedEntry;
}
