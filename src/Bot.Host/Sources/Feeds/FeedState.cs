namespace Bot.Host.Sources.Feeds;

/// <summary>What the poller keeps per feed across restarts (in <c>bot_state</c>).</summary>
/// <param name="ETag">The validator of the last 200 answer, sent back as <c>If-None-Match</c>.</param>
/// <param name="LastModified">The <c>Last-Modified</c> of the last 200 answer, sent back as <c>If-Modified-Since</c>.</param>
/// <param name="Started">Whether a fetch has succeeded once, so the backlog rule is behind us.</param>
/// <param name="PassedOver">
/// Item keys (as the feed gives them, without the namespace) left out while the feed still lists them: by the backlog
/// rule, or because they were taken in under the feed's previous namespace.
/// </param>
/// <param name="Namespace">
/// The feed name the items were last taken in under; null in a state saved before feeds had namespaces, when every
/// item went to the newsroom's.
/// </param>
public sealed record FeedState(string? ETag, string? LastModified, bool Started, IReadOnlyList<string> PassedOver, string? Namespace = null)
{
    public static readonly FeedState New = new(null, null, false, []);
}
