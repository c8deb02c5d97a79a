using System.Text.Json.Nodes;

namespace Bot.IntegrationTests.Fakes.TelegramBotApi;

/// <summary>One request the fake received: method, chat (as the key the fake uses), raw JSON body, arrival time, answer status.</summary>
public sealed record FakeTelegramRequest(string Method, string? Chat, string Body, DateTimeOffset At, int StatusCode)
{
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);
}
