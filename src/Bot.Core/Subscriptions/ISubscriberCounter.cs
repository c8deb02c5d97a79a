namespace Bot.Core.Subscriptions;

/// <summary>Subscriber totals per list and state, counted by the store so a large list is never read to count it.</summary>
public interface ISubscriberCounter
{
    /// <summary>One row per list and state that has at least one address, ordered by list then state.</summary>
    Task<IReadOnlyList<SubscriberCount>> CountAsync(CancellationToken cancellationToken);
}
