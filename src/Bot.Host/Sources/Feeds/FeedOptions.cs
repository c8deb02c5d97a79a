using Bot.Core.Articles;

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

    /// <summary>
    /// The feed's key namespace: its items' ids are <c>@NAME/KEY</c>, so two feeds (or a feed and the newsroom) never
    /// share an article. Letters, digits, '.', '_' and '-', at most 64. Default: <see cref="DefaultName"/> of the URL.
    /// Renaming a feed makes its items new articles; the ones it lists at that moment are passed over.
    /// </summary>
    public string? Name { get; set; }

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

    /// <summary>The namespace this feed's items are stored under.</summary>
    public ArticleOrigin Origin => ArticleOrigin.Feed(string.IsNullOrWhiteSpace(Name) ? DefaultName(Url) : Name.Trim());

    /// <summary>
    /// A name made from the URL that stays the same as long as the feed's address does: host, port when it is not the
    /// scheme's default, and path, lower case, every run of other characters turned into one '-'
    /// (<c>https://www.example.org/news/feed.xml</c> is <c>www.example.org-news-feed.xml</c>). The scheme, query and
    /// fragment are left out: a move to https keeps the name, and a query may hold an access key. A name longer than
    /// 64 characters is cut and ends with a hash of the whole.
    /// </summary>
    public static string DefaultName(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return "feed";
        var raw = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}-{uri.Port}";
        raw += uri.AbsolutePath;
        var slug = new System.Text.StringBuilder(raw.Length);
        foreach (var c in raw.ToLowerInvariant())
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-';
            if (keep) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }

        var name = slug.ToString().Trim('-', '.', '_');
        if (name.Length == 0) return "feed";
        if (name.Length <= ArticleOrigin.MaxFeedNameLength) return name;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..8];
        return name[..(ArticleOrigin.MaxFeedNameLength - 9)].TrimEnd('-', '.', '_') + "-" + hash;
    }
}
