namespace Bot.Core.Delivery.Claiming;

/// <summary>
/// Who holds this process's leases (deliveries, singletons, send budgets): the host's name and a suffix unique to the
/// process, readable in <c>bot deliveries</c> and <c>bot hosts</c>.
/// </summary>
public sealed class LeaseOwner(string hostName)
{
    /// <summary><c>Host:Name</c>.</summary>
    public string Host { get; } = hostName;

    public string Name { get; } = $"{hostName}:{Guid.NewGuid().ToString("N")[..8]}";

    public override string ToString() => Name;
}
