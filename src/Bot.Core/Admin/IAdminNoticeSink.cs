namespace Bot.Core.Admin;

/// <summary>Where coalesced notices go: the admins' private chats with the Telegram bot, or only the log when Telegram runs dry.</summary>
public interface IAdminNoticeSink
{
    /// <summary>Delivers one digest. Failures are logged by the caller; nothing is retried.</summary>
    Task SendAsync(AdminNoticeDigest digest, CancellationToken cancellationToken);
}
