using Bot.Core.Channels;

namespace Bot.Core.Delivery.Outcomes;

/// <summary>One attempt at a claimed delivery: where it went and how it ended.</summary>
/// <param name="Channel">The destination's channel ("" when the destination is no longer configured).</param>
/// <param name="Address">The chat, channel, webhook or mailbox it went to.</param>
/// <param name="Audience">Whom its destination reaches: a lost list member leaves the list, a lost single target disables the destination.</param>
public sealed record Attempt(ClaimedDelivery Delivery, string Channel, string Address, Audience Audience, AttemptResult Result);
