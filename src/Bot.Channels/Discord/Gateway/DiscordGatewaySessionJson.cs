using System.Text.Json.Serialization;

namespace Bot.Channels.Discord.Gateway;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DiscordGatewaySessionStore.StoredSession))]
internal sealed partial class DiscordGatewaySessionJson : JsonSerializerContext;
