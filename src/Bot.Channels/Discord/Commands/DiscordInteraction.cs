using System.Globalization;
using System.Text.Json;

namespace Bot.Channels.Discord.Commands;

/// <summary>A slash command someone used, read from an <c>INTERACTION_CREATE</c> of type 2 (APPLICATION_COMMAND).</summary>
/// <param name="Id">The interaction id, for the callback.</param>
/// <param name="Token">The interaction token: a secret that answers and edits the reply for 15 minutes.</param>
/// <param name="Name">The command name.</param>
/// <param name="Arguments">The option values in the command's option order, joined by spaces, as a chat command's text carries them (see AdminChatCommand).</param>
/// <param name="UserId">Who used it: <c>member.user.id</c> in a server, <c>user.id</c> in a DM; 0 when neither is there.</param>
public sealed record DiscordInteraction(string Id, string Token, string Name, string Arguments, ulong UserId)
{
    private const int ApplicationCommand = 2;

    /// <summary>The server it was used in (<c>guild_id</c>); null in a DM.</summary>
    public string? GuildId { get; init; }

    /// <summary>The channel it was used in (<c>channel_id</c>); null when Discord did not say.</summary>
    public string? ChannelId { get; init; }

    /// <summary>Where it was used, for the audit log: <c>guild:ID/channel:ID</c>, <c>channel:ID</c> in a DM; null when unknown.</summary>
    public string? Origin => (GuildId, ChannelId) switch
    {
        ({ } guild, { } channel) => $"guild:{guild}/channel:{channel}",
        ({ } guild, null) => $"guild:{guild}",
        (null, { } channel) => $"channel:{channel}",
        _ => null,
    };

    /// <summary>The command in <paramref name="d"/>, or null when it is another kind of interaction or is malformed.</summary>
    public static DiscordInteraction? Read(JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object
            || !d.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.Number || type.GetInt32() != ApplicationCommand
            || Text(d, "id") is not { } id
            || Text(d, "token") is not { } token
            || !d.TryGetProperty("data", out var data) || Text(data, "name") is not { } name)
        {
            return null;
        }

        var user = d.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object && member.TryGetProperty("user", out var memberUser)
            ? memberUser
            : d.TryGetProperty("user", out var dmUser) ? dmUser : default;
        var userId = user.ValueKind == JsonValueKind.Object && ulong.TryParse(Text(user, "id"), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : 0;
        return new DiscordInteraction(id, token, name.ToLowerInvariant(), ArgumentsOf(name, data), userId)
        {
            GuildId = Snowflake(d, "guild_id"),
            ChannelId = Snowflake(d, "channel_id"),
        };
    }

    private static string ArgumentsOf(string name, JsonElement data)
    {
        if (!data.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var given = options.EnumerateArray()
            .Where(o => Text(o, "name") is not null && o.TryGetProperty("value", out _))
            .ToDictionary(o => Text(o, "name")!, o => o.GetProperty("value").ToString(), StringComparer.Ordinal);
        var definition = DiscordCommandMenu.Commands.FirstOrDefault(c => c.Name == name);
        var order = definition?.Options.Select(o => o.Name) ?? given.Keys;
        return string.Join(' ', order.Where(given.ContainsKey).Select(o => given[o].Trim()));
    }

    // Only digits reach the audit log: the ids come from the gateway, but a row must never carry stray text.
    private static string? Snowflake(JsonElement element, string property) =>
        ulong.TryParse(Text(element, property), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id.ToString(CultureInfo.InvariantCulture) : null;

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ToString()
            : null;
}
