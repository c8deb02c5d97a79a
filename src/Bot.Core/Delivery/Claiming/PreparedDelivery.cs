using Bot.Core.Articles;
using Bot.Core.Rendering;

namespace Bot.Core.Delivery.Claiming;

/// <summary>A claimed delivery with what sending it needs, read for its whole claim at once.</summary>
/// <param name="Destination">Null when the destination is no longer configured.</param>
/// <param name="Address">Where it goes: the list member, or the destination's address (where the platform moved it, if it did).</param>
/// <param name="Current">The article's latest version; null when the article is gone from the store.</param>
/// <param name="Recipient">For a destination that renders per recipient: whom to render for; null when the member
/// is no longer an active subscriber.</param>
public sealed record PreparedDelivery(ClaimedDelivery Delivery, Destination? Destination, string Address, Article? Current, EmailRecipient? Recipient)
{
    /// <summary>Why the member of a list this delivery goes to may get nothing more (stopped, blocked the bot); null when it may.</summary>
    public string? MemberGone { get; init; }
}
