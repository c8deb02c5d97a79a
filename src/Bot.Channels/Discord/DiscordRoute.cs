namespace Bot.Channels.Discord;

/// <summary>
/// One REST call's route. <see cref="Key"/> is the rate-limit route key in DSharpPlus's style: the major parameter
/// (channel or webhook id) literal, minor ones as placeholders, so two channels never share a bucket.
/// </summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query relative to the API root; for webhooks it holds the token, so it is never logged.</param>
/// <param name="Key">Route key, e.g. <c>POST channels/123/messages</c>; safe to log.</param>
/// <param name="Major">The major parameter, e.g. <c>channels/123</c>: Discord's bucket hashes leave it out, so buckets are per hash and major.</param>
/// <param name="IsWebhook">Whether the route authenticates by the token in its path rather than the bot token.</param>
/// <param name="GlobalExempt">Interaction answers and edits: Discord does not count them against the global limit.</param>
public sealed record DiscordRoute(HttpMethod Method, string Path, string Key, string Major, bool IsWebhook, bool GlobalExempt = false)
{
    public override string ToString() => Key;
}
