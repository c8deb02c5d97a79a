using Bot.Core.Articles;

namespace Bot.Core.Delivery.Sending;

/// <summary>What one claimed delivery does on the platform, decided at send time by <see cref="SendDecision"/>.</summary>
public abstract record SendOperation
{
    /// <summary>Nothing to do: the delivery ends as cancelled with <paramref name="Reason"/>.</summary>
    public sealed record Cancel(string Reason) : SendOperation;

    /// <summary>New messages showing <paramref name="Article"/> (an announcement, a correction mail, a re-announcement).</summary>
    public sealed record Send(Article Article) : SendOperation;

    /// <summary>
    /// The thread's messages <paramref name="RemoteIds"/> edited to show <paramref name="Article"/>, but for the first
    /// <paramref name="Edited"/>, which an earlier attempt already edited to it.
    /// </summary>
    public sealed record Edit(Article Article, IReadOnlyList<string> RemoteIds, int Edited = 0) : SendOperation;

    /// <summary>The thread's messages <paramref name="RemoteIds"/> deleted.</summary>
    public sealed record Delete(IReadOnlyList<string> RemoteIds) : SendOperation;

    /// <summary>
    /// The parts an interrupted attempt of this delivery left (<paramref name="RemoteIds"/>) deleted, after which the
    /// delivery ends as cancelled with <paramref name="Reason"/>: a message cut short by a retraction does not stay half there.
    /// </summary>
    public sealed record Withdraw(IReadOnlyList<string> RemoteIds, string Reason) : SendOperation;

    /// <summary>
    /// The parts an interrupted announcement left (<paramref name="RemoteIds"/>) show an older version than the current
    /// one: they are deleted and the delivery starts again from nothing, so that every part shows one version.
    /// </summary>
    public sealed record Restart(IReadOnlyList<string> RemoteIds) : SendOperation;
}
