using Bot.Core.Channels;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Delivery.Pacing;
using Bot.Core.Delivery.Store;

namespace Bot.Core.Delivery.Claiming;

/// <summary>
/// Claims due deliveries under lease, leaving out those whose budget is spent for now: a channel whose budget has no
/// room, a destination held by a 429 or its own budget. So one destination's pacing or backoff never fills the
/// pipeline with work that cannot go, and every other destination's deliveries keep flowing.
/// </summary>
public sealed class DeliveryClaimer(
    IClaimStore claims,
    ISendPacer pacer,
    DestinationCatalog catalog,
    LeaseClock leases,
    LeaseOwner owner,
    DispatchOptions options,
    TimeProvider time)
{
    private readonly IReadOnlyList<string> _channels = [.. catalog.All.Select(d => d.Channel).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Claims up to <paramref name="limit"/> deliveries.</summary>
    public Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(int limit, CancellationToken cancellationToken) =>
        claims.ClaimAsync(Request(limit), cancellationToken);

    /// <summary>When to look again: the earliest due delivery that may go, or the end of the earliest budget hold.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var request = Request(1);
        var due = await claims.NextDueAsync(request, cancellationToken);
        var held = request.ExcludedChannels.Select(c => pacer.NextAllowedAt(c, null))
            .Concat(catalog.All.Where(d => request.ExcludedDestinations.Contains(d.Name)).Select(d => pacer.NextAllowedAt(d.Channel, d.Address)))
            .DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        var next = due is { } d2 && d2 < held ? d2 : held;
        return next == DateTimeOffset.MaxValue ? null : next;
    }

    // The clock is read after the pacer's answer: a budget with room answers with its own "now", which must not count
    // as later than a "now" read before it.
    private bool Later(DateTimeOffset allowedAt, TimeSpan slack) => allowedAt > time.GetUtcNow() + slack;

    private ClaimRequest Request(int limit)
    {
        var channels = _channels.Where(c => Later(pacer.NextAllowedAt(c, null), TimeSpan.Zero)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var destinations = catalog.All
            .Where(d => d.Audience == Audience.Single && !channels.Contains(d.Channel) && Later(pacer.NextAllowedAt(d.Channel, d.Address), options.MaxPacingWait))
            .Select(d => d.Name)
            .ToList();
        return new ClaimRequest(owner.Name, limit, time.GetUtcNow(), leases.NewLeaseUntil())
        {
            ExcludedChannels = channels,
            ExcludedDestinations = destinations,
        };
    }
}
