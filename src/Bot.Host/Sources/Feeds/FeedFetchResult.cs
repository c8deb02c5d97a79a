namespace Bot.Host.Sources.Feeds;

/// <summary>What one conditional GET of a feed brought.</summary>
public abstract record FeedFetchResult
{
    /// <summary>A 2xx answer: the document, the charset its Content-Type names, and the validators to send next time.</summary>
    public sealed record Fetched(byte[] Content, string? Charset, string? ETag, string? LastModified) : FeedFetchResult;

    /// <summary>304: nothing changed since the validators were given.</summary>
    public sealed record NotModified : FeedFetchResult;

    /// <summary>Unreachable, timed out, or an answer that is not 2xx or 304; <paramref name="Reason"/> is one line.</summary>
    public sealed record Failed(string Reason) : FeedFetchResult;
}
