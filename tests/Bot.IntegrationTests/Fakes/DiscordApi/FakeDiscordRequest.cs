namespace Bot.IntegrationTests.Fakes.DiscordApi;

/// <summary>One journaled request and the status it got.</summary>
/// <param name="Route">Route template with the major id, e.g. <c>POST channels/1/messages</c>.</param>
/// <param name="ChannelId">The channel the request touched (a webhook's channel for webhook routes).</param>
public sealed record FakeDiscordRequest(
    string Method,
    string Path,
    string Route,
    string ChannelId,
    int Status,
    string Body,
    string? Authorization,
    string? UserAgent,
    string? ContentType,
    DateTimeOffset At);
