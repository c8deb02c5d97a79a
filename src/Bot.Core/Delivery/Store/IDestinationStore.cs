namespace Bot.Core.Delivery.Store;

/// <summary>What the store remembers about destinations: pause, disable, and where a platform moved a target.</summary>
public interface IDestinationStore
{
    /// <summary>
    /// Adds configured destinations and updates their channel and address; pause and disable survive, and so does an
    /// address the platform moved the target to (<see cref="SetAddressAsync"/>) until the configured address changes.
    /// </summary>
    Task SyncAsync(IReadOnlyList<Destination> destinations, CancellationToken cancellationToken);

    Task<IReadOnlyList<DestinationState>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Pauses (its queued deliveries are held) or resumes (held deliveries queue again, in their order). False for an unknown name.</summary>
    Task<bool> SetPausedAsync(string destination, bool paused, CancellationToken cancellationToken);

    /// <summary>Stops a destination for good until re-enabled (bot kicked, channel deleted); <paramref name="reason"/> null re-enables.</summary>
    Task<bool> SetDisabledAsync(string destination, string? reason, CancellationToken cancellationToken);

    /// <summary>The platform moved the target (a group became a supergroup): deliveries go to the new address.</summary>
    Task SetAddressAsync(string destination, string address, CancellationToken cancellationToken);
}
