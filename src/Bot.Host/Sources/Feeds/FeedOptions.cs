namespace Bot.Host.Sources.Feeds;

/// <summary>One entry of <c>Sources:Feeds</c>: an RSS or Atom feed polled for articles.</summary>
public sealed class FeedOptions
{
    /// <summary>Default time between two fetches of a feed.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    /// <summary>Default deadline of one fetch.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Default cap on a feed document: 10 MiB.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>Default number of redirects followed.</summary>
    public const int DefaultMaxRedirects = 5;

    /// <summary>The feed's absolute http(s) address. Required.</summary>
    public string Url { get; set; } = "";

    /// <summary>Time between two fetches; the first is at start-up. Default 5 minutes.</summary>
    public TimeSpan Interval { get; set; } = DefaultInterval;

    /// <summary>
    /// How many of the newest items the first successful fetch of the feed imports; the older ones are passed
    /// over for good. Null (the default) imports them all, as a file dropped in the inbox is.
    /// </summary>
    public int? Backlog { get; set; }

    /// <summary>
    /// Deadline of one fetch, from the request to the last byte of the body, redirects included: a server that
    /// trickles its answer is cut off here. Default 30 seconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Largest document accepted, in bytes after decompression. Default 10 MiB; at most <see cref="Bot.Core.Articles.Feeds.FeedReader.MaxDocumentBytes"/>.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Redirects followed before the fetch fails, each to an address checked like the first. Default 5.</summary>
    public int MaxRedirects { get; set; } = DefaultMaxRedirects;

    /// <summary>
    /// Whether the feed may be fetched from loopback, private, link-local and other non-public addresses. Off by
    /// default, so a feed URL (or a redirect, or a DNS answer) cannot point the bot at services on its own network.
    /// </summary>
    public bool AllowPrivateNetwork { get; set; }
}
