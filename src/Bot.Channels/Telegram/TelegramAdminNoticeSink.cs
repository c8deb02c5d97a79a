using System.Globalization;
using Bot.Core.Admin;
using Bot.Core.Channels;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.Telegram;

/// <summary>
/// Sends each notice to every id in <c>Telegram:Admins</c>, i.e. to the admin's private chat with the bot, through
/// the same send budget as the announcements. An admin who never started a chat with the bot, or blocked it, cannot
/// be reached: that is logged and the others still get it.
/// </summary>
public sealed class TelegramAdminNoticeSink(
    IReadOnlyList<long> admins,
    TelegramDirectMessages sender,
    ILogger<TelegramAdminNoticeSink> logger) : IAdminNoticeSink
{
    /// <summary>The destination name the sender logs for these messages.</summary>
    public const string DestinationName = "admin-notice";

    public async Task SendAsync(AdminNoticeDigest digest, CancellationToken cancellationToken)
    {
        var message = new TelegramMessage([new TelegramPart(TelegramAdminNoticeText.Format(digest), DisableLinkPreview: true)]);
        TelegramLog.AdminNotice(logger, digest.Kind.ToString(), digest.Destination, digest.Count, admins.Count);
        foreach (var admin in admins)
        {
            var chat = admin.ToString(CultureInfo.InvariantCulture);
            var outcome = await sender.SendAsync(chat, DestinationName, message, cancellationToken);
            if (outcome is not SendOutcome.Sent)
            {
                TelegramLog.AdminNoticeFailed(logger, digest.Kind.ToString(), digest.Destination, chat, outcome.GetType().Name);
            }
        }
    }
}
