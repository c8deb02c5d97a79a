namespace Bot.Core.Channels;

/// <summary>
/// What the engine must know about a channel to plan and deliver to it, so that its decisions never branch on a
/// channel's name. Each channel states its own traits in its folder.
/// </summary>
/// <param name="Channel">One of <see cref="ChannelNames"/>.</param>
/// <param name="EditsInPlace">Sent messages can be edited and deleted (a chat); otherwise a correction is a new
/// message to those who got the announcement (email).</param>
/// <param name="RendersPerRecipient">Every recipient gets a message of its own (name, unsubscribe link).</param>
/// <param name="ListAudience">Whom a destination of this channel without an address of its own reaches.</param>
public sealed record ChannelTraits(string Channel, bool EditsInPlace, bool RendersPerRecipient, Audience ListAudience);
