namespace Bot.Core.Channels;

/// <summary>
/// The result of a send, edit or delete. Expected platform failures are values, not exceptions.
/// <see cref="RemoteIds"/> always holds the ids of every part that exists on the platform after the
/// call (for a partial send, the parts that did go out), so the engine can resume without repeating them.
/// </summary>
public abstract record SendOutcome(IReadOnlyList<string> RemoteIds)
{
    /// <summary>
    /// For an edit that stopped part-way: how many of <see cref="RemoteIds"/>, from the first, already show the new
    /// rendering, so that a retry edits only the rest. Null when the sender does not say (nothing counts as done).
    /// </summary>
    public int? Edited { get; init; }

    /// <summary>Everything went out.</summary>
    public sealed record Sent(IReadOnlyList<string> RemoteIds) : SendOutcome(RemoteIds);

    /// <summary>A transient failure; <paramref name="RetryAfter"/> is the platform's requested wait, when it gave one.</summary>
    public sealed record RetryLater(IReadOnlyList<string> RemoteIds, TimeSpan? RetryAfter, string Reason) : SendOutcome(RemoteIds)
    {
        /// <summary>The platform's wait holds for the whole channel (Discord's global limit), not only this target.</summary>
        public bool ChannelWide { get; init; }
    }

    /// <summary>
    /// Nothing failed: the send budget (<see cref="DeliveryTarget.Gate"/>) had no room for the next request before
    /// <paramref name="NotBefore"/>. The parts in <paramref name="RemoteIds"/> went out; the rest follow then.
    /// </summary>
    public sealed record Paced(IReadOnlyList<string> RemoteIds, DateTimeOffset NotBefore) : SendOutcome(RemoteIds);

    /// <summary>A permanent failure: never retried. <paramref name="TargetGone"/> when the chat, channel or mailbox is gone or refuses us.</summary>
    public sealed record Rejected(IReadOnlyList<string> RemoteIds, string Reason, bool TargetGone) : SendOutcome(RemoteIds);

    /// <summary>The target now lives at another address (a Telegram group upgraded to a supergroup); retry there.</summary>
    public sealed record TargetMoved(IReadOnlyList<string> RemoteIds, string NewAddress) : SendOutcome(RemoteIds);

    /// <summary>The whole channel cannot work (bad credentials, say); nothing more should be tried on it until fixed.</summary>
    public sealed record Unavailable(IReadOnlyList<string> RemoteIds, string Reason) : SendOutcome(RemoteIds);
}
