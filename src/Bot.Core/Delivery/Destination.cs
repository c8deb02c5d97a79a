namespace Bot.Core.Delivery;

/// <summary>A configured place announcements go to.</summary>
/// <param name="Name">Unique name, used by admin commands and <c>--destination</c>.</param>
/// <param name="Channel">One of <see cref="Channels.ChannelNames"/>.</param>
/// <param name="Address">Chat id, channel id or webhook URL; empty for an email list (its subscribers are the addresses), or one mailbox for a single-recipient email destination.</param>
/// <param name="Template">Template name or folder under <c>config/templates/</c>; null for the channel's default.</param>
/// <param name="Filter">Which articles this destination wants; <see cref="DestinationFilter.Everything"/> when empty.</param>
public sealed record Destination(
    string Name,
    string Channel,
    string Address,
    string? Template,
    DestinationFilter Filter)
{
    /// <summary>Discord embed colour (0xRRGGBB); null for the default.</summary>
    public int? Color { get; init; }

    /// <summary>Email lists only: send a correction notice when an announced article changes.</summary>
    public bool SendCorrections { get; init; }

    /// <summary>Whom it reaches: its address, or one delivery per member of a list. Set from the channel's <see cref="Channels.ChannelTraits"/>.</summary>
    public Channels.Audience Audience { get; init; }

    /// <summary>Its sent messages are edited and deleted in place; set from the channel's <see cref="Channels.ChannelTraits"/>.</summary>
    public bool EditsInPlace { get; init; }

    /// <summary>Each recipient gets a message rendered for it; set from the channel's <see cref="Channels.ChannelTraits"/>.</summary>
    public bool RendersPerRecipient { get; init; }

    /// <summary>This destination with the traits of its channel applied.</summary>
    public Destination WithTraits(Channels.ChannelTraits traits)
    {
        ArgumentNullException.ThrowIfNull(traits);
        return this with
        {
            Audience = string.IsNullOrEmpty(Address) ? traits.ListAudience : Channels.Audience.Single,
            EditsInPlace = traits.EditsInPlace,
            RendersPerRecipient = traits.RendersPerRecipient,
        };
    }
}
