namespace Bot.Core.Delivery.Planning;

/// <summary>
/// The state of each announcement thread of one article: a destination's original announcement (generation 0) and
/// each <c>/publish</c> copy (generation 1, 2, …) is a thread that later versions edit, correct or delete.
/// </summary>
public sealed class AnnouncementHistory
{
    private readonly Dictionary<(string Destination, int Generation), AnnouncementState> _states;

    public AnnouncementHistory(IEnumerable<AnnouncementThread> threads)
    {
        _states = new Dictionary<(string, int), AnnouncementState>(DestinationGenerationComparer.Instance);
        foreach (var thread in threads)
        {
            var key = (thread.Destination, thread.Generation);
            if (!_states.TryGetValue(key, out var state) || thread.State > state) _states[key] = thread.State;
        }
    }

    public static AnnouncementHistory Empty { get; } = new([]);

    /// <summary>A history of original announcements only (generation 0), by destination.</summary>
    public static AnnouncementHistory Of(IReadOnlyDictionary<string, AnnouncementState> originals) =>
        new(originals.Select(p => new AnnouncementThread(p.Key, 0, p.Value)));

    /// <summary>The state of one thread; <see cref="AnnouncementState.None"/> when it never started.</summary>
    public AnnouncementState StateOf(string destination, int generation = 0) =>
        _states.GetValueOrDefault((destination, generation), AnnouncementState.None);

    /// <summary>The generations of <paramref name="destination"/> that have a thread, 0 first.</summary>
    public IReadOnlyList<int> GenerationsOf(string destination) =>
        [.. _states.Keys.Where(k => string.Equals(k.Destination, destination, StringComparison.OrdinalIgnoreCase)).Select(k => k.Generation).Order()];

    private sealed class DestinationGenerationComparer : IEqualityComparer<(string Destination, int Generation)>
    {
        public static DestinationGenerationComparer Instance { get; } = new();

        public bool Equals((string Destination, int Generation) x, (string Destination, int Generation) y) =>
            x.Generation == y.Generation && string.Equals(x.Destination, y.Destination, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Destination, int Generation) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Destination), obj.Generation);
    }
}
