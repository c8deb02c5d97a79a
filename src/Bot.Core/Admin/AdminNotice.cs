namespace Bot.Core.Admin;

/// <summary>One event for the admins, as the dispatcher saw it.</summary>
/// <param name="Destination">The destination it concerns; notices are coalesced per kind and destination.</param>
/// <param name="Detail">Plain text: the reason, the new address, or which delivery died and why.</param>
public sealed record AdminNotice(AdminNoticeKind Kind, string Destination, string Detail);
