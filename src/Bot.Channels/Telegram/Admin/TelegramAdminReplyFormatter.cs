using System.Text;
using Bot.Core.Admin.Replies;
using Bot.Core.Channels;
using Bot.Core.Rendering;

namespace Bot.Channels.Telegram.Admin;

/// <summary>
/// Admin replies as Telegram HTML: one message without link preview, every value escaped. A preview of a Telegram
/// announcement is that announcement itself, part for part, as a subscriber of the destination would get it.
/// </summary>
public static class TelegramAdminReplyFormatter
{
    public static TelegramMessage Format(AdminReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply is AdminReply.Preview { Message: TelegramMessage announcement }
            ? announcement
            : new TelegramMessage([new TelegramPart(Html(AdminReplyText.Of(reply)).TrimEnd(), DisableLinkPreview: true)]);
    }

    public static string Html(AdminText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder();
        foreach (var span in text.Spans)
        {
            var escaped = HtmlTextEncoder.Telegram.Encode(span.Text);
            html.Append(span.Style switch
            {
                AdminSpanStyle.Bold => $"<b>{escaped}</b>",
                AdminSpanStyle.Code => $"<code>{escaped}</code>",
                AdminSpanStyle.Block => $"<pre>{escaped}</pre>",
                _ => escaped,
            });
        }

        return html.ToString();
    }
}
