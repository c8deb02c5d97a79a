using Bot.Core.Channels;
using Bot.Core.Delivery;

namespace Bot.Core.ChatSubscriptions;

/// <summary>
/// The implicit destination that stands for every private-chat subscriber. It has no address: like an email
/// list, it fans out one delivery per subscriber, the chat id being the recipient, so each chat is planned,
/// paced, retried and paused like any configured destination.
/// </summary>
public static class TelegramSubscriberDestination
{
    /// <summary>Its name in <c>/destinations</c>, <c>/pause</c> and <c>bot deliveries</c>; configured destinations may not use it.</summary>
    public const string Name = "telegram-subscribers";

    public static Destination Create() => new(Name, ChannelNames.Telegram, "", null, DestinationFilter.Everything);

    /// <summary>A Telegram destination without a chat of its own: its recipients are the subscribers' chats.</summary>
    public static bool IsSubscriberList(Destination destination) =>
        destination.Channel == ChannelNames.Telegram && string.IsNullOrEmpty(destination.Address);
}
