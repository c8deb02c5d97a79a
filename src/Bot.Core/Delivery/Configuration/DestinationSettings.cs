namespace Bot.Core.Delivery.Configuration;

/// <summary>The destinations read from configuration, and what was wrong with the rest.</summary>
public sealed record DestinationSettings(IReadOnlyList<Destination> Destinations, IReadOnlyList<ConfigurationProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
