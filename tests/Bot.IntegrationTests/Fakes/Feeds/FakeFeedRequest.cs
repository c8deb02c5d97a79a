namespace Bot.IntegrationTests.Fakes.Feeds;

/// <summary>One request the fake feed server answered.</summary>
public sealed record FakeFeedRequest(string Path, string Query, string? IfNoneMatch, string? IfModifiedSince, string? UserAgent, int Status, DateTimeOffset At);
