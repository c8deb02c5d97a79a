using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Channels;

namespace Bot.Channels.Discord;

/// <summary>
/// Request bodies for message create and edit. Both always carry <c>"allowed_mentions": {"parse": []}</c>: Discord's
/// default for bot messages pings @everyone and roles named in article text, and an edit without it re-parses
/// mentions with that default whatever the create said.
/// </summary>
public static class DiscordPayload
{
    /// <summary>Serializer settings: Arabic and other non-ASCII text stays readable rather than <c>\uXXXX</c>-escaped.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A create body; <paramref name="nonce"/> (≤ 25 characters) makes a repeated create return the first message.</summary>
    public static JsonObject ForCreate(DiscordPart part, string? nonce)
    {
        ArgumentNullException.ThrowIfNull(part);
        var body = new JsonObject();
        if (!string.IsNullOrEmpty(part.Content))
        {
            body["content"] = part.Content;
        }

        if (part.Embed is not null)
        {
            body["embeds"] = new JsonArray(Embed(part.Embed));
        }

        body["allowed_mentions"] = NoMentions();
        if (nonce is not null)
        {
            body["nonce"] = nonce;
            body["enforce_nonce"] = true;
        }

        return body;
    }

    /// <summary>An edit body: content and embeds are always sent, empty when absent, so an old embed or text is cleared.</summary>
    public static JsonObject ForEdit(DiscordPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return new JsonObject
        {
            ["content"] = part.Content ?? string.Empty,
            ["embeds"] = part.Embed is null ? new JsonArray() : new JsonArray(Embed(part.Embed)),
            ["allowed_mentions"] = NoMentions(),
        };
    }

    public static string Serialize(JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.ToJsonString(JsonOptions);
    }

    private static JsonObject NoMentions() => new() { ["parse"] = new JsonArray() };

    private static JsonObject Embed(DiscordEmbed embed)
    {
        var node = new JsonObject();
        Add(node, "title", embed.Title);
        Add(node, "url", embed.Url);
        Add(node, "description", embed.Description);
        if (!string.IsNullOrEmpty(embed.ImageUrl))
        {
            node["image"] = new JsonObject { ["url"] = embed.ImageUrl };
        }

        if (!string.IsNullOrEmpty(embed.FooterText))
        {
            node["footer"] = new JsonObject { ["text"] = embed.FooterText };
        }

        if (embed.Timestamp is { } timestamp)
        {
            node["timestamp"] = timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        if (embed.Color is { } color)
        {
            node["color"] = color;
        }

        return node;
    }

    private static void Add(JsonObject node, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            node[name] = value;
        }
    }
}
