namespace Bot.Core.Hosts;

/// <summary>One term of this host holding an elected singleton.</summary>
/// <param name="Name">The singleton (<see cref="SingletonNames"/>).</param>
/// <param name="Term">Grows by one each time the singleton changes hands: the fencing token of every write made for it.</param>
/// <param name="SinceLastRun">How long ago, on the store's clock, the singleton's periodic work last ran on any host;
/// null when it never did or the store does not keep it.</param>
/// <param name="Lost">Fires when this host no longer holds the singleton: its work must stop.</param>
public sealed record SingletonLease(string Name, long Term, TimeSpan? SinceLastRun, CancellationToken Lost);
