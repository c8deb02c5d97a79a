namespace Bot.Core.Delivery.Pacing;

/// <summary>What one host reports and asks for in one exchange with the <see cref="IPacingStore"/>.</summary>
/// <param name="Owner">The host (its lease owner).</param>
/// <param name="ShareLease">How long a share row lives unless renewed.</param>
/// <param name="TargetLease">How long a target stays with this host unless renewed.</param>
/// <param name="Margin">How much longer than its window a request given up or left by a dead host still counts.</param>
public sealed record PacingRequest(
    string Owner,
    IReadOnlyList<ShareAsk> Shares,
    IReadOnlyList<TargetAsk> Targets,
    IReadOnlyList<HoldNotice> Holds,
    TimeSpan ShareLease,
    TimeSpan TargetLease,
    TimeSpan Margin);

/// <summary>One channel-wide budget: what this host may use now (<paramref name="Holding"/>), how many of its requests
/// still count (<paramref name="Used"/>, which may exceed what it holds after it gave part of a share back), and whether
/// it has requests waiting for room.</summary>
/// <param name="Budget">The budget's key: channel and index, <c>telegram#0</c>.</param>
/// <param name="Demand">How many targets this host had sends for in the last demand window: what it could use.</param>
public sealed record ShareAsk(string Budget, int Limit, TimeSpan Window, bool Wanted, int Holding, int Used, int Demand = 1);

/// <summary>A target this host wants to send to, keeps, or gives back with its recent requests (<see cref="TargetHistory"/>).</summary>
public sealed record TargetAsk(string Channel, string Target, TargetAction Action, string History);

/// <summary>What a host does with a target's own budgets.</summary>
public enum TargetAction
{
    /// <summary>Take the target, unless another host holds it.</summary>
    Acquire,
    /// <summary>Keep it a while longer, and record its requests so far.</summary>
    Renew,
    /// <summary>Give it back with its requests, for whichever host sends to it next.</summary>
    Release,
}

/// <summary>A platform's wait, for every host: nothing goes to <paramref name="Target"/> (the whole channel when null) for <paramref name="Remaining"/>.</summary>
public sealed record HoldNotice(string Channel, string? Target, TimeSpan Remaining);
