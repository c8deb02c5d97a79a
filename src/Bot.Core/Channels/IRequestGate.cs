namespace Bot.Core.Channels;

/// <summary>One platform request's way through the send budgets of a channel and target.</summary>
public interface IRequestGate
{
    /// <summary>
    /// A slot for one request starting now, or null with the earliest time one may start. The request counts as
    /// under way until the slot is disposed, and from then on as made at that moment: dispose it when the answer (or
    /// the failure) is in.
    /// </summary>
    IDisposable? TryEnter(out DateTimeOffset notBefore);
}
