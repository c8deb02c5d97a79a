namespace Bot.Core.Subscriptions;

/// <summary>
/// The rows of a subscriber CSV that repeat an earlier list and address: they are merged into the first, whose line
/// stays, and the last name they give wins.
/// </summary>
internal sealed class SubscriberCsvMerges
{
    private readonly HashSet<int> repeats = [];
    private readonly Dictionary<int, string> names = [];

    public int Count => repeats.Count;

    public void Add(int line, int firstLine, string? name)
    {
        repeats.Add(line);
        if (name is not null)
        {
            names[firstLine] = name;
        }
    }

    public bool IsRepeat(int line) => repeats.Contains(line);

    /// <summary>The name a later repeat gave the row first seen on <paramref name="firstLine"/>, if any.</summary>
    public string? NameFor(int firstLine) => names.GetValueOrDefault(firstLine);
}
