using Microsoft.Extensions.Logging;

namespace Bot.Channels.Email;

/// <summary>The email channel's log events. Passwords and token keys never reach these.</summary>
internal static partial class EmailChannelLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "SMTP connected to {Host}:{Port} (TLS: {Secure})")]
    public static partial void Connected(ILogger logger, string host, int port, bool secure);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "SMTP server {Host}:{Port} does not offer AUTH; sending without authentication although Email:Smtp:Username is set")]
    public static partial void AuthNotOffered(ILogger logger, string host, int port);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "SMTP connection lost while sending {MessageId}; reconnecting once: {Reason}")]
    public static partial void Reconnecting(ILogger logger, string messageId, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Email {MessageId} accepted for {Destination}")]
    public static partial void Sent(ILogger logger, string messageId, string destination);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Email {MessageId} for {Destination} not sent: {Outcome} {Reason}")]
    public static partial void NotSent(ILogger logger, string messageId, string destination, string outcome, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Email DKIM signing on: d={Domain} s={Selector}")]
    public static partial void DkimEnabled(ILogger logger, string domain, string selector);
}
