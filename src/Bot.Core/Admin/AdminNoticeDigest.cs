namespace Bot.Core.Admin;

/// <summary>
/// What one message to the admins says: <see cref="Count"/> notices of one kind for one destination, with the
/// latest one's detail. A count above one means a burst was folded into this message.
/// </summary>
/// <param name="Since">When the first notice folded into this digest arrived.</param>
public sealed record AdminNoticeDigest(AdminNoticeKind Kind, string Destination, int Count, string LatestDetail, DateTimeOffset Since);
