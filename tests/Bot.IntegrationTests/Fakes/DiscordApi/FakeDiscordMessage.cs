using System.Text.Json.Nodes;

namespace Bot.IntegrationTests.Fakes.DiscordApi;

/// <summary>The current state of one message as a channel member would see it.</summary>
public sealed record FakeDiscordMessage(
    string Id,
    string ChannelId,
    string Content,
    JsonArray Embeds,
    string? Nonce,
    string? WebhookId,
    DateTimeOffset CreatedAt,
    int Edits = 0,
    bool Deleted = false)
{
    /// <summary>The first embed's description, or null.</summary>
    public string? EmbedText(string field) => Embeds.Count == 0 ? null : Embeds[0]?[field]?.GetValue<string>();
}
