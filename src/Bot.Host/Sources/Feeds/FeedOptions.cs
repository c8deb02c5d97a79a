namespace Bot.Host.Sources.Feeds;

/// <summary>One entry of <c>Sources:Feeds</c>: an RSS or Atom feed polled for articles.</summary>
public sealed class FeedOptions
{
    /// <summary>Default time between two fetches of a feed.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    /// <summary>The feed's absolute http(s) address. Required.</summary>
    public string Url { get; set; } = "";

    /// <summary>Time between two fetches; the first is at start-up. Default 5 minutes.</summary>
    public TimeSpan Interval { get; set; } = DefaultInterval;

    /// <summary>
    /// How many of the newest items the first successful fetch of the feed imports; the older ones are passed
    /// over for good. Null (the default) imports them all, as a file dropped in the inbox is.
    /// </summary>
    public int? Backlog { get; set; }
}
