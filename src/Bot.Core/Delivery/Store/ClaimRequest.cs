namespace Bot.Core.Delivery.Store;

/// <summary>One claim: who, how many, when, until when, and which destinations to leave alone (their budget is spent).</summary>
public sealed record ClaimRequest(string Owner, int Limit, DateTimeOffset Now, DateTimeOffset LeaseUntil)
{
    /// <summary>Destinations not to claim for now, by name.</summary>
    public IReadOnlyCollection<string> ExcludedDestinations { get; init; } = [];

    /// <summary>Channels none of whose destinations to claim for now.</summary>
    public IReadOnlyCollection<string> ExcludedChannels { get; init; } = [];
}
