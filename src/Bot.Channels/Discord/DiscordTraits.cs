using Bot.Core.Channels;

namespace Bot.Channels.Discord;

/// <summary>Discord as the delivery engine sees it: sent messages are edited and deleted in place, and every destination is one channel or webhook.</summary>
public static class DiscordTraits
{
    public static ChannelTraits Traits { get; } = new(ChannelNames.Discord, EditsInPlace: true, RendersPerRecipient: false, ListAudience: Audience.Single);
}
