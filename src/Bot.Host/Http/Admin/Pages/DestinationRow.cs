namespace Bot.Host.Http.Admin.Pages;

/// <summary>A destination as the pages show it: configuration merged with what the store remembers.</summary>
/// <param name="Address">The address in use, unredacted (links are built from it); show it through <see cref="AdminRedactor.Address"/>.</param>
/// <param name="Configured">False for a destination the store remembers but the configuration no longer names.</param>
public sealed record DestinationRow(string Name, string Channel, string Address, bool Configured, bool Paused, bool Disabled, string? DisabledReason)
{
    public string State => Disabled ? "disabled" : Paused ? "paused" : "active";
}
