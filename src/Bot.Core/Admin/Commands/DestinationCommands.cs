using Bot.Core.Delivery.Store;
using Bot.Core.Admin.Replies;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Dispatch;

namespace Bot.Core.Admin.Commands;

/// <summary><c>status</c>, <c>destinations</c>, <c>pause</c> and <c>resume</c>.</summary>
public sealed class DestinationCommands(IDestinationStore deliveries, IDeliveryStatistics statistics, DestinationCatalog catalog, AdminActions actions)
{
    public async Task<AdminReply> StatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            var destinations = Merge(await deliveries.ListAsync(cancellationToken));
            return new AdminReply.Status(true, destinations, await statistics.CountAsync(cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An admin asks for the status above all when something is wrong: the answer says the store is down.
            return new AdminReply.Status(false, [], []);
        }
    }

    public async Task<AdminReply> ListAsync(CancellationToken cancellationToken) =>
        new AdminReply.DestinationList(Merge(await deliveries.ListAsync(cancellationToken)));

    /// <summary>Pauses, or resumes (which also re-enables a destination a permanent failure disabled).</summary>
    public async Task<AdminReply> SetPausedAsync(string name, bool paused, CancellationToken cancellationToken)
    {
        var known = paused ? await actions.PauseAsync(name, cancellationToken) : await actions.ResumeAsync(name, cancellationToken);
        var now = known
            ? Merge(await deliveries.ListAsync(cancellationToken)).FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            : null;
        return now is null ? new AdminReply.NotFound(AdminSubject.Destination, name) : new AdminReply.DestinationChanged(now);
    }

    private List<AdminDestination> Merge(IReadOnlyList<DestinationState> states)
    {
        var byName = states.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        var rows = new List<AdminDestination>();
        foreach (var destination in catalog.All)
        {
            var state = byName.GetValueOrDefault(destination.Name);
            rows.Add(new AdminDestination(
                destination.Name, destination.Channel, state?.Address ?? destination.Address, Configured: true,
                state?.Paused ?? false, state?.Disabled ?? false, state?.DisabledReason));
        }

        rows.AddRange(states.Where(s => catalog.Find(s.Name) is null)
            .Select(s => new AdminDestination(s.Name, s.Channel, s.Address, Configured: false, s.Paused, s.Disabled, s.DisabledReason)));
        return rows;
    }
}
