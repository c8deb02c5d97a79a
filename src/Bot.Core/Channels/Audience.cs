namespace Bot.Core.Channels;

/// <summary>Whom one destination reaches.</summary>
public enum Audience
{
    /// <summary>One chat, channel, webhook or mailbox: its address.</summary>
    Single,
    /// <summary>Every active subscriber of an email list, one delivery each.</summary>
    MailingList,
    /// <summary>Every private chat that subscribed to the bot, one delivery each.</summary>
    ChatSubscribers,
}
