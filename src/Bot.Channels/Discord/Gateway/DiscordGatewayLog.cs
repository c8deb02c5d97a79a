using Microsoft.Extensions.Logging;

namespace Bot.Channels.Discord.Gateway;

internal static partial class DiscordGatewayLog
{
    [LoggerMessage(EventId = 2210, Level = LogLevel.Information, Message = "Discord gateway ready ({How})")]
    public static partial void Ready(ILogger logger, string how);

    [LoggerMessage(EventId = 2211, Level = LogLevel.Information, Message = "Discord gateway reconnects in {Delay}: {Reason}")]
    public static partial void Reconnecting(ILogger logger, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 2212, Level = LogLevel.Warning, Message = "Discord gateway did not acknowledge a heartbeat within {Interval}; reconnecting")]
    public static partial void Zombie(ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 2213, Level = LogLevel.Error, Message = "Discord gateway closed with {Code} ({Meaning}); slash commands are off until the bot restarts")]
    public static partial void Stopped(ILogger logger, int code, string meaning);

    [LoggerMessage(EventId = 2214, Level = LogLevel.Error, Message = "Discord rejected Discord:BotToken ({Reason}); slash commands are off until the bot restarts")]
    public static partial void TokenRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 2215, Level = LogLevel.Warning, Message = "Discord gateway URL not known yet: {Reason}; asking again in {Delay}")]
    public static partial void NoGatewayUrl(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 2216, Level = LogLevel.Warning, Message = "Discord interaction handler failed: {Error}")]
    public static partial void HandlerFailed(ILogger logger, string error);
}
