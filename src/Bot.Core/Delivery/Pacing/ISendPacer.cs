namespace Bot.Core.Delivery.Pacing;

/// <summary>
/// The send budgets of every channel, in one place: senders ask it before each platform request and never sleep; the
/// engine asks it when a delivery may go and tells it what a platform's 429 said. One process holds one; several
/// hosts share theirs through the store.
/// </summary>
public interface ISendPacer
{
    /// <summary>
    /// A slot for one request to <paramref name="target"/> on <paramref name="channel"/> if every budget has room now;
    /// otherwise null, and <paramref name="notBefore"/> says when to come back. Dispose the slot when the answer is in.
    /// </summary>
    IDisposable? TryEnter(string channel, string target, out DateTimeOffset notBefore);

    /// <summary>
    /// When a request may go, counting nothing. With <paramref name="target"/> null only the channel-wide budgets and
    /// holds are consulted: whether anything at all may go on the channel.
    /// </summary>
    DateTimeOffset NextAllowedAt(string channel, string? target);

    /// <summary>
    /// Nothing goes to <paramref name="target"/> (or, when null, anywhere on <paramref name="channel"/>) before
    /// <paramref name="until"/>: what a platform's 429 asks for. An earlier hold never shortens a later one.
    /// </summary>
    void Hold(string channel, string? target, DateTimeOffset until);
}
