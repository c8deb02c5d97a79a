using Microsoft.Extensions.Logging;

namespace Bot.Channels.Discord.Commands;

internal static partial class DiscordCommandLog
{
    [LoggerMessage(EventId = 2220, Level = LogLevel.Information, Message = "Discord:ApplicationId is not set: Discord slash commands are off")]
    public static partial void NoApplicationId(ILogger logger);

    [LoggerMessage(EventId = 2221, Level = LogLevel.Information, Message = "Discord slash commands registered globally: {Count}")]
    public static partial void Registered(ILogger logger, int count);

    [LoggerMessage(EventId = 2222, Level = LogLevel.Warning, Message = "Discord command registration failed ({Reason}); trying again in {Delay}")]
    public static partial void RegistrationRetry(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 2223, Level = LogLevel.Error, Message = "Discord refused the command registration ({Reason}): check {Key}; slash commands are off until the bot restarts")]
    public static partial void RegistrationRefused(ILogger logger, string reason, string key);

    [LoggerMessage(EventId = 2224, Level = LogLevel.Warning, Message = "Discord user {UserId} is not in Discord:Admins; /{Command} refused")]
    public static partial void Refused(ILogger logger, string command, ulong userId);

    [LoggerMessage(EventId = 2225, Level = LogLevel.Warning, Message = "Discord reply to /{Command} not sent: {Reason}")]
    public static partial void ReplyFailed(ILogger logger, string command, string reason);

    [LoggerMessage(EventId = 2226, Level = LogLevel.Error, Message = "Discord /{Command} failed: {Error}")]
    public static partial void CommandFailed(ILogger logger, string command, string error);
}
