namespace Bot.Core.Delivery.Store;

/// <summary>Where the outcome of each claimed delivery is written, and where an admin brings a dead one back.</summary>
public interface IOutcomeStore
{
    /// <summary>
    /// Writes a group of outcomes in one transaction, each only while <paramref name="owner"/> still holds its lease.
    /// Returns the ids whose lease was lost (another host took the delivery back): nothing is written for them.
    /// </summary>
    Task<IReadOnlyCollection<long>> RecordAsync(string owner, IReadOnlyList<DeliveryOutcome> outcomes, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Puts one dead delivery (or, with null, every dead delivery) back in the queue with its attempts reset.</summary>
    Task<int> RequeueDeadAsync(long? id, DateTimeOffset now, CancellationToken cancellationToken);
}
