namespace Bot.Core.Delivery.Planning;

/// <summary>Whom a fan-out reaches.</summary>
public enum FanOutSource
{
    /// <summary>Every active subscriber of the email list.</summary>
    ActiveSubscribers,
    /// <summary>Every recipient whose announcement of the article was sent (for email corrections).</summary>
    AnnouncedRecipients,
    /// <summary>Every active private-chat subscriber without a topic or whose topic is among <see cref="PlannedFanOut.Topics"/>.</summary>
    ChatSubscribers,
    /// <summary>
    /// Every private chat with an announcement of the article sent or still on its way, for edits and deletes: an
    /// edit goes only to chats still subscribed, a delete also to chats that have since stopped, never to one that
    /// blocked the bot.
    /// </summary>
    AnnouncedChats,
}
