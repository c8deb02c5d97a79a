using System.Globalization;

namespace Bot.Core.Delivery.Pacing;

/// <summary>
/// A target's recent requests as they travel between hosts: per budget of the target, the age of each request in
/// milliseconds when written, <c>0,350,1200|0,350,1200,41000</c>. Ages rather than instants, so the hosts' clocks
/// need not agree; the store adds how long the history waited.
/// </summary>
public static class TargetHistory
{
    public static string Write(IEnumerable<IReadOnlyList<TimeSpan>> budgets) =>
        string.Join('|', budgets.Select(ages => string.Join(',', ages.Select(a => ((long)a.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)))));

    /// <summary>
    /// The ages per budget, each made older by <paramref name="waited"/>; empty when the text is empty. A history with
    /// another number of budgets than <paramref name="budgets"/> (the hosts' settings differ) gives every budget all
    /// of its ages, which errs on the side of caution.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<TimeSpan>> Read(string history, int budgets, TimeSpan waited)
    {
        if (string.IsNullOrEmpty(history)) return [.. Enumerable.Repeat<IReadOnlyList<TimeSpan>>([], budgets)];
        var parts = history.Split('|').Select(part => (IReadOnlyList<TimeSpan>)[.. part.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(ms => long.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? TimeSpan.FromMilliseconds(n) + waited : waited)]).ToList();
        if (parts.Count == budgets) return parts;
        IReadOnlyList<TimeSpan> all = [.. parts.SelectMany(p => p)];
        return [.. Enumerable.Repeat(all, budgets)];
    }
}
