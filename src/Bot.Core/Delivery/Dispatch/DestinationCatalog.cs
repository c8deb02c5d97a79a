using Bot.Core.Channels;

namespace Bot.Core.Delivery.Dispatch;

/// <summary>The configured destinations by name (names are unique across channels, compared without case), each with its channel's traits.</summary>
public sealed class DestinationCatalog
{
    private readonly Dictionary<string, Destination> _byName;

    /// <param name="traits">Each channel's traits, applied to its destinations; a destination of a channel without
    /// any keeps the traits it was built with.</param>
    public DestinationCatalog(IEnumerable<Destination> destinations, IEnumerable<ChannelTraits>? traits = null)
    {
        var byChannel = (traits ?? []).ToDictionary(t => t.Channel, StringComparer.OrdinalIgnoreCase);
        All = [.. destinations.Select(d => byChannel.TryGetValue(d.Channel, out var t) ? d.WithTraits(t) : d)];
        _byName = All.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>In configuration order.</summary>
    public IReadOnlyList<Destination> All { get; }

    public Destination? Find(string name) => _byName.GetValueOrDefault(name);
}
