using Bot.Core.Channels;

namespace Bot.Core.Delivery.Outcomes;

/// <summary>How one attempt at a claimed delivery ended, before the outcome policy turns it into a state.</summary>
public abstract record AttemptResult
{
    /// <summary>
    /// Nothing more needs sending: the delivery ends as cancelled with <paramref name="Reason"/>, keeping the parts an
    /// earlier attempt delivered, or <paramref name="RemoteIds"/> when this attempt changed them (deleted them).
    /// </summary>
    public sealed record Cancelled(string Reason, IReadOnlyList<string>? RemoteIds = null) : AttemptResult;

    /// <summary>
    /// The channel was called; the outcome's remote ids show <paramref name="ShownVersion"/> (null when not known), all
    /// of them or the first <paramref name="ShownParts"/> after an edit that stopped part-way. A sent outcome shows it whole.
    /// </summary>
    public sealed record Finished(SendOutcome Outcome, int? ShownVersion, int? ShownParts = null) : AttemptResult
    {
        /// <summary>What a retry resumes from: the version and count, or nothing when no part is out or it is not known.</summary>
        public (int? Version, int? Parts) Resumable =>
            Outcome.RemoteIds.Count > 0 && ShownVersion is not null ? (ShownVersion, ShownParts) : (null, null);
    }
}
