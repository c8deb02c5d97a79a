namespace Bot.Core.Delivery.Claiming;

/// <summary>Who holds this process's leases: the host's name and a suffix unique to the process, readable in <c>bot deliveries</c>.</summary>
public sealed class LeaseOwner(string hostName)
{
    public string Name { get; } = $"{hostName}:{Guid.NewGuid().ToString("N")[..8]}";

    public override string ToString() => Name;
}
