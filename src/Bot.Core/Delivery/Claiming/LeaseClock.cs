namespace Bot.Core.Delivery.Claiming;

/// <summary>Lease arithmetic on an injected clock: when a new lease ends, whether one has run out, when to renew.</summary>
public sealed class LeaseClock(LeaseOptions options, TimeProvider time)
{
    public TimeSpan Duration => options.Duration;

    /// <summary>Renew every third of the lease, so even two slow renewals in a row do not lose it.</summary>
    public TimeSpan RenewEvery => options.Duration / 3;

    /// <summary>The end of a lease taken now.</summary>
    public DateTimeOffset NewLeaseUntil() => time.GetUtcNow() + options.Duration;

    public bool IsExpired(DateTimeOffset leaseUntil) => leaseUntil <= time.GetUtcNow();

    /// <summary>True when less than two thirds of the lease is left.</summary>
    public bool NeedsRenewal(DateTimeOffset leaseUntil) => leaseUntil - time.GetUtcNow() < options.Duration - RenewEvery;
}
