using Microsoft.Extensions.Logging;

namespace Bot.Core.Admin;

/// <summary>The sink when no admin can be reached (Telegram runs dry, or no admin is configured): the log is the notice.</summary>
public sealed partial class LoggingAdminNoticeSink(ILogger<LoggingAdminNoticeSink> logger) : IAdminNoticeSink
{
    public Task SendAsync(AdminNoticeDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        LogNotice(digest.Kind, digest.Destination, digest.Count, digest.Since, digest.LatestDetail);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin notice: {Kind} for {Destination}, {Count} time(s) since {Since:O}: {Detail}")]
    private partial void LogNotice(AdminNoticeKind kind, string destination, int count, DateTimeOffset since, string detail);
}
