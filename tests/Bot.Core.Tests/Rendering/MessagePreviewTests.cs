using System.Text.Json;
using Bot.Core.Channels;
using Bot.Core.Rendering;
using Xunit;

namespace Bot.Core.Tests.Rendering;

public sealed class MessagePreviewTests
{
    [Fact]
    public void Telegram_PhotoThenText_SendPhotoThenSendMessageBodies()
    {
        var message = new TelegramMessage([new TelegramPart("<b>عنوان</b>", "https://x.example/p.jpg"), new TelegramPart("نص", null, true)]);

        var requests = MessagePreview.Telegram(message, "@quds_news");

        Assert.Equal(["sendPhoto", "sendMessage"], requests.Select(r => r.Endpoint));
        using var photo = JsonDocument.Parse(requests[0].Body);
        Assert.Equal(["chat_id", "photo", "caption", "parse_mode"], photo.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("@quds_news", photo.RootElement.GetProperty("chat_id").GetString());
        Assert.Equal("<b>عنوان</b>", photo.RootElement.GetProperty("caption").GetString());
        Assert.Contains("\"caption\": \"<b>عنوان</b>\"", requests[0].Body, StringComparison.Ordinal);
        using var text = JsonDocument.Parse(requests[1].Body);
        Assert.Equal(["chat_id", "text", "parse_mode", "link_preview_options"], text.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.True(text.RootElement.GetProperty("link_preview_options").GetProperty("is_disabled").GetBoolean());
    }

    [Fact]
    public void Telegram_NumericChatId_WrittenAsNumber()
    {
        var requests = MessagePreview.Telegram(new TelegramMessage([new TelegramPart("x")]), "-1001234567890");

        using var body = JsonDocument.Parse(requests[0].Body);
        Assert.Equal(-1001234567890, body.RootElement.GetProperty("chat_id").GetInt64());
    }

    [Fact]
    public void Discord_EveryPart_CarriesEmptyAllowedMentions()
    {
        var message = new DiscordMessage([new DiscordPart("a"), new DiscordPart(null, new DiscordEmbed(null, null, "b", null, null, null, null))]);

        var requests = MessagePreview.Discord(message, "1");

        Assert.All(requests, r =>
        {
            using var body = JsonDocument.Parse(r.Body);
            Assert.Equal(0, body.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        });
        Assert.Equal("POST /channels/1/messages", requests[0].Endpoint);
    }
}
