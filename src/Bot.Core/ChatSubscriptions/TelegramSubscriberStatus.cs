namespace Bot.Core.ChatSubscriptions;

/// <summary>Where a private chat stands with the bot's announcements.</summary>
public enum TelegramSubscriberStatus
{
    /// <summary>Sent <c>/start</c>: gets announcements (of its topic, if it chose one).</summary>
    Active,

    /// <summary>Sent <c>/stop</c>: gets nothing until it sends <c>/start</c> again.</summary>
    Unsubscribed,

    /// <summary>Telegram refused to deliver for good (the user blocked the bot or deleted the account).</summary>
    Blocked,
}
