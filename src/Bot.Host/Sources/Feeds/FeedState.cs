namespace Bot.Host.Sources.Feeds;

/// <summary>What the poller keeps per feed across restarts (in <c>bot_state</c>).</summary>
/// <param name="ETag">The validator of the last 200 answer, sent back as <c>If-None-Match</c>.</param>
/// <param name="LastModified">The <c>Last-Modified</c> of the last 200 answer, sent back as <c>If-Modified-Since</c>.</param>
/// <param name="Started">Whether a fetch has succeeded once, so the backlog rule is behind us.</param>
/// <param name="PassedOver">Keys the first fetch left out under the backlog rule, while the feed still lists them.</param>
public sealed record FeedState(string? ETag, string? LastModified, bool Started, IReadOnlyList<string> PassedOver)
{
    public static readonly FeedState New = new(null, null, false, []);
}
