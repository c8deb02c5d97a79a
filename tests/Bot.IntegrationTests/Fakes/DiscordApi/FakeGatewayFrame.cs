using System.Text.Json.Nodes;

namespace Bot.IntegrationTests.Fakes.DiscordApi;

/// <summary>One frame the fake gateway received; <paramref name="Op"/> -1 is the client closing (or dropping) the connection.</summary>
/// <param name="Connection">1 for the first connection, counting up.</param>
/// <param name="Path">The gateway path the connection used: the gateway URL's or the resume URL's.</param>
/// <param name="Data">The frame's <c>d</c>.</param>
/// <param name="CloseCode">For a close: the code the client sent, null when the connection just dropped.</param>
public sealed record FakeGatewayFrame(int Connection, string Path, int Op, JsonNode? Data, int? CloseCode, DateTimeOffset At);
