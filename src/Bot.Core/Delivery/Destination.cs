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
}
