using Bot.Core.Channels;

namespace Bot.Core.Delivery.Outcomes;

/// <summary>How one attempt at a claimed delivery ended, before the outcome policy turns it into a state.</summary>
public abstract record AttemptResult
{
    /// <summary>Nothing was sent, and nothing needs to be: the delivery ends as cancelled with <paramref name="Reason"/>.</summary>
    public sealed record Cancelled(string Reason) : AttemptResult;

    /// <summary>The channel was called; the platform now shows <paramref name="ShownVersion"/> where it succeeded.</summary>
    public sealed record Finished(SendOutcome Outcome, int ShownVersion) : AttemptResult;
}
