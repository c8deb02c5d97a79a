namespace Bot.Core.Delivery.Pacing;

/// <summary>The store's answer to a <see cref="PacingRequest"/>.</summary>
/// <param name="Holds">Every platform hold still running, from any host.</param>
public sealed record PacingExchange(IReadOnlyList<ShareGrant> Shares, IReadOnlyList<TargetGrant> Targets, IReadOnlyList<HoldNotice> Holds);

/// <summary>
/// A host's share of a channel-wide budget: it may use <paramref name="Share"/> now; when <paramref name="Fair"/> is
/// lower (other hosts want their part), it uses no more than that from now on and reports it at the next exchange.
/// </summary>
public sealed record ShareGrant(string Budget, int Share, int Fair);

/// <summary>
/// The answer for one target: held (acquired or renewed) or not. A target just acquired comes with the requests the
/// previous holder made to it (<paramref name="History"/>, written <paramref name="HistoryAge"/> ago).
/// </summary>
public sealed record TargetGrant(string Channel, string Target, bool Held, string History, TimeSpan HistoryAge);
