using Microsoft.Extensions.Logging;

namespace Bot.Channels.Telegram;

internal static partial class TelegramLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Telegram channel sends to {ApiHost}")]
    public static partial void ChannelReady(ILogger logger, string apiHost);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Telegram {Operation} to {Destination} ({Chat}) waits {Wait} for pacing")]
    public static partial void Paced(ILogger logger, string operation, string destination, string chat, TimeSpan wait);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Telegram {Operation} to {Destination} ({Chat}) failed: {Outcome}: {Reason}")]
    public static partial void Failed(ILogger logger, string operation, string destination, string chat, string outcome, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Telegram chat {Chat} of {Destination} is rate limited for {RetryAfter}")]
    public static partial void RateLimited(ILogger logger, string destination, string chat, TimeSpan retryAfter);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Debug, Message = "Telegram {Operation} to {Destination} ({Chat}): {Count} message(s)")]
    public static partial void Done(ILogger logger, string operation, string destination, string chat, int count);
}
