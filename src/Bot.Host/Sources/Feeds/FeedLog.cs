using Microsoft.Extensions.Logging;

namespace Bot.Host.Sources.Feeds;

/// <summary>The poller's log lines; a feed is always named by <see cref="FeedAddress.ForLog"/>, never by its full URL.</summary>
internal static partial class FeedLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Feeds: polling {Feed} every {Interval}")]
    public static partial void Polling(ILogger logger, string feed, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed}: {Created} new, {Updated} changed, {Unchanged} unchanged, {PassedOver} passed over")]
    public static partial void Imported(ILogger logger, string feed, int created, int updated, int unchanged, int passedOver);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Feed {Feed}: not modified")]
    public static partial void NotModified(ILogger logger, string feed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed}: fetch failed: {Reason}; trying again at the next interval")]
    public static partial void FetchFailed(ILogger logger, string feed, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed}: {Reason}; trying again at the next interval")]
    public static partial void NotAFeed(ILogger logger, string feed, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed}: item {Item} skipped: {Reason}")]
    public static partial void ItemSkipped(ILogger logger, string feed, string item, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feed {Feed}: the poll failed; trying again at the next interval")]
    public static partial void PollFailed(ILogger logger, string feed, Exception exception);
}
