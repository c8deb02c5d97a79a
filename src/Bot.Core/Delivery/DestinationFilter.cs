namespace Bot.Core.Delivery;

/// <summary>
/// Which articles a destination wants. Every list that is not empty must match (any of its values);
/// an empty filter matches everything.
/// </summary>
public sealed record DestinationFilter(
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Languages,
    string? Pattern)
{
    public static readonly DestinationFilter Everything = new([], [], [], null);
}
