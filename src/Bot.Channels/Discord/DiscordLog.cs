using Microsoft.Extensions.Logging;

namespace Bot.Channels.Discord;

internal static partial class DiscordLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Discord channel sends to {ApiHost}")]
    public static partial void ChannelReady(ILogger logger, string apiHost);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Discord {Route} waits {Wait} for its {Scope} rate limit")]
    public static partial void Waiting(ILogger logger, string route, TimeSpan wait, string scope);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Discord {Route} is rate limited for {RetryAfter} ({Scope})")]
    public static partial void RateLimited(ILogger logger, string route, TimeSpan retryAfter, string scope);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Discord {Operation} to {Destination} ({Target}) failed: {Outcome}: {Reason}")]
    public static partial void Failed(ILogger logger, string operation, string destination, string target, string outcome, string reason);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Debug, Message = "Discord {Operation} to {Destination} ({Target}): {Count} message(s)")]
    public static partial void Done(ILogger logger, string operation, string destination, string target, int count);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning, Message = "Discord {Route} got no answer: {Reason}")]
    public static partial void NoAnswer(ILogger logger, string route, string reason);
}
