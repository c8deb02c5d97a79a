using Microsoft.Extensions.Logging;

namespace Bot.Channels.Telegram;

internal static partial class TelegramLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Telegram channel sends to {ApiHost}")]
    public static partial void ChannelReady(ILogger logger, string apiHost);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Telegram {Operation} to {Destination} ({Chat}) paced until {NotBefore:O}")]
    public static partial void Paced(ILogger logger, string operation, string destination, string chat, DateTimeOffset notBefore);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Telegram {Operation} to {Destination} ({Chat}) failed: {Outcome}: {Reason}")]
    public static partial void Failed(ILogger logger, string operation, string destination, string chat, string outcome, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Telegram chat {Chat} of {Destination} is rate limited for {RetryAfter}")]
    public static partial void RateLimited(ILogger logger, string destination, string chat, TimeSpan retryAfter);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Debug, Message = "Telegram {Operation} to {Destination} ({Chat}): {Count} message(s)")]
    public static partial void Done(ILogger logger, string operation, string destination, string chat, int count);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "Telegram getUpdates conflict ({Failures} in a row): another poller or webhook uses this token; polling again in {Delay}")]
    public static partial void PollConflict(ILogger logger, int failures, TimeSpan delay);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Telegram getUpdates failed with {ErrorCode} {ExceptionType} ({Failures} in a row); polling again in {Delay}")]
    public static partial void PollFailed(ILogger logger, int? errorCode, string exceptionType, int failures, TimeSpan delay);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Error, Message = "Telegram update {UpdateId} could not be handled")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, int updateId);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Information, Message = "Telegram admin commands are answered as @{BotUsername}")]
    public static partial void CommandsReady(ILogger logger, string botUsername);

    [LoggerMessage(EventId = 2114, Level = LogLevel.Information, Message = "Telegram command /{Command} refused: user {UserId} is not an admin")]
    public static partial void Refused(ILogger logger, string command, long? userId);

    [LoggerMessage(EventId = 2115, Level = LogLevel.Warning, Message = "Telegram reply to /{Command} in chat {Chat} not sent: {Outcome}")]
    public static partial void ReplyFailed(ILogger logger, string command, string chat, string outcome);

    [LoggerMessage(EventId = 2116, Level = LogLevel.Warning, Message = "Admin notice {Kind} for {Destination} ({Count} time(s)) goes to {Admins} admin(s)")]
    public static partial void AdminNotice(ILogger logger, string kind, string destination, int count, int admins);

    [LoggerMessage(EventId = 2117, Level = LogLevel.Warning, Message = "Admin notice {Kind} for {Destination} did not reach admin chat {Chat}: {Outcome}")]
    public static partial void AdminNoticeFailed(ILogger logger, string kind, string destination, string chat, string outcome);

    [LoggerMessage(EventId = 2118, Level = LogLevel.Warning, Message = "The stored Telegram update offset could not be {Operation}; polling goes on without it")]
    public static partial void OffsetStoreFailed(ILogger logger, Exception exception, string operation);
}
