using System.Net;
using Bot.Core.Channels;

namespace Bot.IntegrationTests.Telegram;

/// <summary>The reference Arabic article as a Telegram HTML message, and the plain text a subscriber should see.</summary>
public static class ReferenceArticle
{
    public static (TelegramMessage Message, string Html, string ExpectedText) Load()
    {
        var raw = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "quds-press-2023-12.txt")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var blocks = raw.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var title = blocks[0];
        var source = blocks[^1];
        var paragraphs = blocks[1..^1];

        var html = $"<b>{WebUtility.HtmlEncode(title)}</b>\n\n{string.Join("\n\n", paragraphs.Select(WebUtility.HtmlEncode))}\n\n<i>{WebUtility.HtmlEncode(source)}</i>";
        var expected = $"{title}\n\n{string.Join("\n\n", paragraphs)}\n\n{source}";
        return (new TelegramMessage([new TelegramPart(html, DisableLinkPreview: true)]), html, expected);
    }
}
