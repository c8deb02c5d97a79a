using System.Globalization;
using System.Net;
using Bot.Core.Admin;

namespace Bot.Channels.Telegram;

/// <summary>A notice as a short Telegram HTML message for an admin's phone; every inserted value escaped.</summary>
public static class TelegramAdminNoticeText
{
    private const int MaxDetail = 500;

    public static string Format(AdminNoticeDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var name = Escape(digest.Destination);
        var detail = Escape(Shorten(digest.LatestDetail));
        var since = digest.Since.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        var count = digest.Count.ToString(CultureInfo.InvariantCulture);
        return digest.Kind switch
        {
            AdminNoticeKind.DestinationDisabled =>
                $"⛔ <b>{name}</b> is disabled\n{detail}\nNothing more goes there. Give the bot its rights back, then /resume {name} and /retry.",
            AdminNoticeKind.TargetMoved =>
                $"↪️ <b>{name}</b> moved to <code>{detail}</code>\nAnnouncements go to the new chat from now on.",
            _ when digest.Count == 1 =>
                $"⚠️ A delivery to <b>{name}</b> is dead\n{detail}\n/retry puts it back in the queue.",
            _ =>
                $"⚠️ {count} deliveries to <b>{name}</b> died since {since} UTC\nLatest: {detail}\n/retry puts them back in the queue.",
        };
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Shorten(string text)
    {
        if (text.Length <= MaxDetail) return text;
        var cut = MaxDetail - 1;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
