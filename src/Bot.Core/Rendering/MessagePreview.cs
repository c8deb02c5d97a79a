using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bot.Core.Channels;

namespace Bot.Core.Rendering;

/// <summary>
/// The request bodies the platforms receive for a rendered message, one per part, for <c>bot preview</c> and the
/// dry-run outbox. Field names and order follow the Bot API and Discord API documents.
/// </summary>
public static class MessagePreview
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Arabic must stay readable in a preview; these bodies are never embedded in HTML or script.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>sendMessage / sendPhoto bodies; <paramref name="chatId"/> is written as a number when it is one.</summary>
    public static IReadOnlyList<PreviewRequest> Telegram(TelegramMessage message, string chatId)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(chatId);
        return [.. message.Parts.Select(part => part.PhotoUrl is null
            ? new PreviewRequest("sendMessage", Json(w =>
            {
                ChatId(w, chatId);
                w.WriteString("text", part.Html);
                w.WriteString("parse_mode", "HTML");
                w.WriteStartObject("link_preview_options");
                w.WriteBoolean("is_disabled", part.DisableLinkPreview);
                w.WriteEndObject();
            }))
            : new PreviewRequest("sendPhoto", Json(w =>
            {
                ChatId(w, chatId);
                w.WriteString("photo", part.PhotoUrl);
                w.WriteString("caption", part.Html);
                w.WriteString("parse_mode", "HTML");
            })))];
    }

    /// <summary>Create-message bodies, each with <c>allowed_mentions: {"parse": []}</c> as the adapter sends them.</summary>
    public static IReadOnlyList<PreviewRequest> Discord(DiscordMessage message, string channelId)
    {
        ArgumentNullException.ThrowIfNull(message);
        return [.. message.Parts.Select(part => new PreviewRequest($"POST /channels/{channelId}/messages", Json(w =>
        {
            if (part.Content is not null)
            {
                w.WriteString("content", part.Content);
            }

            w.WriteStartArray("embeds");
            if (part.Embed is { } embed)
            {
                Embed(w, embed);
            }

            w.WriteEndArray();
            w.WriteStartObject("allowed_mentions");
            w.WriteStartArray("parse");
            w.WriteEndArray();
            w.WriteEndObject();
        })))];
    }

    private static void Embed(Utf8JsonWriter w, DiscordEmbed embed)
    {
        w.WriteStartObject();
        WriteIfSet(w, "title", embed.Title);
        WriteIfSet(w, "url", embed.Url);
        WriteIfSet(w, "description", embed.Description);
        if (embed.Color is { } color)
        {
            w.WriteNumber("color", color);
        }

        if (embed.Timestamp is { } timestamp)
        {
            w.WriteString("timestamp", timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        if (embed.ImageUrl is not null)
        {
            w.WriteStartObject("image");
            w.WriteString("url", embed.ImageUrl);
            w.WriteEndObject();
        }

        if (embed.FooterText is not null)
        {
            w.WriteStartObject("footer");
            w.WriteString("text", embed.FooterText);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void ChatId(Utf8JsonWriter w, string chatId)
    {
        if (long.TryParse(chatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
        {
            w.WriteNumber("chat_id", id);
        }
        else
        {
            w.WriteString("chat_id", chatId);
        }
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
