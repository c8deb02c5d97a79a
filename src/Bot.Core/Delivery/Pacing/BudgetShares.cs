namespace Bot.Core.Delivery.Pacing;

/// <summary>
/// How a channel-wide budget is split between hosts, as a pure function of the budget's rows. Each host paces itself
/// with a window as long as the budget's and a limit equal to its share, so the hosts together never exceed the sum
/// of what they occupy, which never exceeds the limit. A host occupies its share, or the requests still in its window
/// when those are more (it has just given part of its share back). A share given back, or held by a host that stopped
/// renewing it, still counts for the window and a margin after its row ended: requests made under it are still in the
/// platform's window. The hosts that want to send split the limit by what they can use (<see cref="ShareAsk.Demand"/>,
/// the targets each has sends for): none gets more than its demand while another could use more, what is left after
/// every demand is met is split evenly, and the first by name get the remainder. Split evenly instead, a host with
/// sends for few chats would sit on capacity that a host with many chats waits for. A host grows into its part only as
/// far as capacity is free, and gives back on its own what exceeds it.
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
        var fair = ask.Wanted ? Fair(ask.Limit, owner, ask.Demand, others.Where(o => o.Wanted && o.Remaining > TimeSpan.Zero).Select(o => (o.Holder, o.Demand))) : 0;
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

    // Max-min fair: the level is the most each host may take so that the parts, each capped by its host's demand, fit
    // the limit; what is left over goes one by one to the hosts the level held back, or evenly when none was.
    private static int Fair(int limit, string owner, int demand, IEnumerable<(string Holder, int Demand)> otherWanting)
    {
        var wanting = otherWanting.Append((Holder: owner, Demand: demand))
            .DistinctBy(w => w.Holder, StringComparer.Ordinal)
            .Select(w => (w.Holder, Demand: Math.Max(1, w.Demand)))
            .OrderBy(w => w.Holder, StringComparer.Ordinal)
            .ToList();
        var (low, high) = (0, limit);
        while (low < high)
        {
            var level = (low + high + 1) / 2;
            if (wanting.Sum(w => Math.Min(w.Demand, level)) <= limit) low = level;
            else high = level - 1;
        }

        var parts = wanting.Select(w => Math.Min(w.Demand, low)).ToArray();
        var left = limit - parts.Sum();
        var heldBack = Enumerable.Range(0, wanting.Count).Where(i => wanting[i].Demand > low).ToList();
        if (heldBack.Count > 0)
        {
            foreach (var i in heldBack.Take(left)) parts[i]++;
        }
        else
        {
            for (var i = 0; i < parts.Length; i++) parts[i] += (left / parts.Length) + (i < left % parts.Length ? 1 : 0);
        }

        return parts[wanting.FindIndex(w => w.Holder == owner)];
    }
}
