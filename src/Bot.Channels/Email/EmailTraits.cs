using Bot.Core.Channels;

namespace Bot.Channels.Email;

/// <summary>Email as the delivery engine sees it: a sent mail cannot be changed (a correction is a new mail), each subscriber gets a message of its own, and a destination without an address is a subscriber list.</summary>
public static class EmailTraits
{
    public static ChannelTraits Traits { get; } = new(ChannelNames.Email, EditsInPlace: false, RendersPerRecipient: true, ListAudience: Audience.MailingList);
}
