namespace Bot.Core.Subscriptions;

/// <summary>What the rows of an import did to the store, counted per outcome.</summary>
public sealed record SubscriberImportCounts(int Added, int Activated, int Unchanged, int KeptUnsubscribed, int KeptBounced)
{
    public static readonly SubscriberImportCounts None = new(0, 0, 0, 0, 0);

    public SubscriberImportCounts Plus(SubscriberAdd outcome) => outcome switch
    {
        SubscriberAdd.Added => this with { Added = Added + 1 },
        SubscriberAdd.Activated => this with { Activated = Activated + 1 },
        SubscriberAdd.KeptUnsubscribed => this with { KeptUnsubscribed = KeptUnsubscribed + 1 },
        SubscriberAdd.KeptBounced => this with { KeptBounced = KeptBounced + 1 },
        _ => this with { Unchanged = Unchanged + 1 },
    };
}
