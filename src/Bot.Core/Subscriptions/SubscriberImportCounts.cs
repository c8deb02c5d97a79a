namespace Bot.Core.Subscriptions;

/// <summary>What a batch of imported rows did to the store.</summary>
public sealed record SubscriberImportCounts(int Added, int Updated, int Unchanged)
{
    public static readonly SubscriberImportCounts None = new(0, 0, 0);

    public SubscriberImportCounts Plus(SubscriberImportCounts other) =>
        new(Added + other.Added, Updated + other.Updated, Unchanged + other.Unchanged);
}
