namespace Bot.Core.Delivery.Dispatch;

/// <summary>The configured destinations by name (names are unique across channels, compared without case).</summary>
public sealed class DestinationCatalog
{
    private readonly Dictionary<string, Destination> _byName;

    public DestinationCatalog(IEnumerable<Destination> destinations)
    {
        All = destinations.ToList();
        _byName = All.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>In configuration order.</summary>
    public IReadOnlyList<Destination> All { get; }

    public Destination? Find(string name) => _byName.GetValueOrDefault(name);
}
