namespace Bot.Core.Delivery.Pacing;

/// <summary>
/// How a channel-wide budget is split between hosts, as a pure function of the budget's rows. Each host paces itself
/// with a window as long as the budget's and a limit equal to its share, so the hosts together never exceed the sum
/// of what they occupy, which never exceeds the limit. A host occupies its share, or the requests still in its window
/// when those are more (it has just given part of its share back). A share given back, or held by a host that stopped
/// renewing it, still counts for the window and a margin after its row ended: requests made under it are still in the
/// platform's window. The hosts that want to send split the limit evenly (the first by name get the remainder); a
/// host grows into its part only as far as capacity is free, and gives back on its own what exceeds it.
/// </summary>
public static class BudgetShares
{
    /// <summary>The share <paramref name="owner"/> may use from now on, and its fair part, given every row of the budget.</summary>
    public static ShareGrant Decide(ShareAsk ask, string owner, IReadOnlyList<ShareRow> rows, TimeSpan margin)
    {
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(rows);
        var givenBack = GivenBackBy(owner);
        var others = rows.Where(r => r.Holder != owner && r.Holder != givenBack).ToList();
        var occupied = others.Where(o => !IsSpent(o, ask.Window, margin)).Sum(o => o.Share);
        var fair = ask.Wanted ? Fair(ask.Limit, owner, others.Where(o => o.Wanted && o.Remaining > TimeSpan.Zero).Select(o => o.Holder)) : 0;
        var holding = Math.Max(0, ask.Holding);
        var free = Math.Max(0, ask.Limit - occupied - Math.Max(holding, ask.Used));
        var share = fair > holding ? holding + Math.Min(fair - holding, free) : holding;
        return new ShareGrant(ask.Budget, share, fair);
    }

    /// <summary>The holder name of the row counting what <paramref name="owner"/> gave back but still has in its window.</summary>
    public static string GivenBackBy(string owner) => owner + "~";

    /// <summary>Whether a row no longer counts at all and can be deleted.</summary>
    public static bool IsSpent(ShareRow row, TimeSpan window, TimeSpan margin)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Remaining <= -(window + margin);
    }

    private static int Fair(int limit, string owner, IEnumerable<string> otherWanting)
    {
        var wanting = otherWanting.Append(owner).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rank = wanting.IndexOf(owner);
        return (limit / wanting.Count) + (rank < limit % wanting.Count ? 1 : 0);
    }
}
