using Bot.Core.Channels;

namespace Bot.Channels.Telegram;

/// <summary>Telegram as the delivery engine sees it: sent messages are edited and deleted in place, one message serves every reader, and a destination without a chat of its own reaches the readers who subscribed in a private chat.</summary>
public static class TelegramTraits
{
    public static ChannelTraits Traits { get; } = new(ChannelNames.Telegram, EditsInPlace: true, RendersPerRecipient: false, ListAudience: Audience.ChatSubscribers);
}
