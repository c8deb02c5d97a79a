namespace Bot.IntegrationTests.Fakes.DiscordApi;

/// <summary>A webhook of the fake: its URL as Discord hands it out, pointing at the fake.</summary>
public sealed record FakeDiscordWebhook(string Id, string Token, string ChannelId, Uri Url);
