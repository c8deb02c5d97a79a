using System.Net;
using Bot.Core.Channels;

namespace Bot.Channels.Telegram;

/// <summary>Short HTML replies to admins: one part, no link preview, values escaped with <see cref="Escape"/>.</summary>
internal static class TelegramHtmlReply
{
    public static TelegramMessage Text(string html) => new([new TelegramPart(html.TrimEnd(), DisableLinkPreview: true)]);

    public static string Escape(string text) => WebUtility.HtmlEncode(text);
}
