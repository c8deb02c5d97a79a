namespace Bot.Core.Delivery.Store;

/// <summary>Reads of the outbox for people: the CLI, the admin surfaces, the article API.</summary>
public interface IDeliveryQueries
{
    /// <summary>Deliveries matching <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListAsync(DeliveryQuery query, CancellationToken cancellationToken);
}
