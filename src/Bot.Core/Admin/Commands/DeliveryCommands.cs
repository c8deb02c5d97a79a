using Bot.Core.Delivery.Store;
using Bot.Core.Admin.Replies;
using Bot.Core.Delivery;

namespace Bot.Core.Admin.Commands;

/// <summary><c>deliveries</c> and <c>retry</c>.</summary>
public sealed class DeliveryCommands(IDeliveryQueries deliveries, AdminActions actions)
{
    public async Task<AdminReply> ListAsync(DeliveryQuery query, CancellationToken cancellationToken) =>
        new AdminReply.DeliveryList(await deliveries.ListAsync(query, cancellationToken));

    public async Task<AdminReply> RetryAsync(long? id, CancellationToken cancellationToken) =>
        new AdminReply.Requeued(id, await actions.RequeueDeadAsync(id, cancellationToken));
}
